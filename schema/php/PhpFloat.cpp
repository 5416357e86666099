#include "schema/php/PhpFloat.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace m2stage::schema::php {

namespace {
constexpr int kPrecision = 17;  // php_gcvt's digit budget in mode 0
}

std::string formatDouble(double value, char exponentChar) {
  if (std::isnan(value)) return "NAN";
  if (std::isinf(value)) return value < 0 ? "-INF" : "INF";
  std::string out = std::signbit(value) ? "-" : "";
  if (value == 0) return out + "0";

  // Shortest round-trip digits, as "d.ddde+XX"; dtoa's decpt is the exponent + 1.
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value), std::chars_format::scientific);
  std::string text(buffer, result.ptr);
  auto ePos = text.find('e');
  std::string digits;
  for (std::size_t i = 0; i < ePos; ++i)
    if (text[i] != '.') digits += text[i];
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int decpt = std::atoi(text.c_str() + ePos + 1) + 1;

  if (decpt < 0 ? decpt < -3 : decpt > kPrecision) {
    int exponent = decpt - 1;
    out += digits[0];
    out += '.';
    out += digits.size() > 1 ? digits.substr(1) : "0";
    out += exponentChar;
    out += exponent < 0 ? '-' : '+';
    out += std::to_string(std::abs(exponent));
  } else if (decpt <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-decpt), '0');
    out += digits;
  } else {
    for (int i = 0; i < decpt; ++i) out += i < static_cast<int>(digits.size()) ? digits[i] : '0';
    if (static_cast<int>(digits.size()) > decpt) {
      out += '.';
      out += digits.substr(static_cast<std::size_t>(decpt));
    }
  }
  return out;
}

}  // namespace m2stage::schema::php
