#include "schema/php/PhpString.hpp"

#include <array>
#include <charconv>
#include <cstdlib>
#include <limits>

namespace m2stage::schema::php {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<Number> parseNumeric(const std::string& text) {
  std::size_t i = 0, n = text.size();
  while (i < n && isSpace(text[i])) ++i;
  std::size_t start = i;
  if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t intStart = i;
  while (i < n && isDigit(text[i])) ++i;
  std::size_t intDigits = i - intStart, fracDigits = 0;
  bool integral = true;
  if (i < n && text[i] == '.') {
    integral = false;
    ++i;
    std::size_t fracStart = i;
    while (i < n && isDigit(text[i])) ++i;
    fracDigits = i - fracStart;
  }
  if (intDigits + fracDigits == 0) return std::nullopt;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t save = i++;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t expStart = i;
    while (i < n && isDigit(text[i])) ++i;
    if (i == expStart) {
      i = save;
    } else {
      integral = false;
    }
  }
  std::size_t end = i;
  while (i < n && isSpace(text[i])) ++i;
  if (i != n) return std::nullopt;
  Number number;
  std::string body = text.substr(start, end - start);
  if (integral) {
    std::string digits = body[0] == '+' ? body.substr(1) : body;
    auto [ptr, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number.integer);
    number.integral = error == std::errc() && ptr == digits.data() + digits.size();
  }
  number.real = std::strtod(body.c_str(), nullptr);
  return number;
}

bool truthy(const Value& value) { return value && !value->empty() && *value != "0"; }

bool isNumeric(const std::string& text) { return parseNumeric(text).has_value(); }

bool looseEquals(const std::string& a, const std::string& b) {
  auto left = parseNumeric(a);
  auto right = left ? parseNumeric(b) : std::nullopt;
  if (!left || !right) return a == b;
  if (left->integral && right->integral) return left->integer == right->integer;
  return left->real == right->real;
}

bool looseEquals(const Value& a, const Value& b) {
  if (!a || !b) return (!a && !b) || (a ? a->empty() : b->empty());  // null == "" is true in PHP
  return looseEquals(*a, *b);
}

std::int64_t toInt(const Value& value) {
  if (!value) return 0;
  const std::string& text = *value;
  std::size_t i = 0;
  while (i < text.size() && isSpace(text[i])) ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  std::int64_t result = 0;
  for (; i < text.size() && isDigit(text[i]); ++i) {
    int digit = text[i] - '0';
    if (result > (std::numeric_limits<std::int64_t>::max() - digit) / 10)
      return negative ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max();
    result = result * 10 + digit;
  }
  return negative ? -result : result;
}

std::uint32_t crc32(const std::string& bytes) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> entries{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      entries[i] = c;
    }
    return entries;
  }();
  std::uint32_t crc = 0xffffffffu;
  for (unsigned char byte : bytes) crc = table[(crc ^ byte) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

}  // namespace m2stage::schema::php
