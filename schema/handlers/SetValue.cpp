#include "schema/handlers/SetValue.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include <fmt/format.h>

#include "schema/php/PhpString.hpp"

namespace m2stage::schema {

namespace {

// strtoupper($value) === 'NULL'
bool isNullWord(const std::string& value) {
  std::string upper = value;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper == "NULL";
}

// PHP's (string)$float with precision=14: "%.14G", but the exponent as PHP writes it
// ("1.0E+25", "1.5E-5" where C writes "1E+25", "1.5E-05").
std::string phpFloatString(double number) {
  if (std::isnan(number)) return "NAN";
  if (std::isinf(number)) return number < 0 ? "-INF" : "INF";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.14G", number);
  std::string text = buffer;
  auto e = text.find('E');
  if (e == std::string::npos) return text;
  std::string mantissa = text.substr(0, e);
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  char sign = text[e + 1];
  std::string digits = text.substr(e + 2);
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
  return mantissa + "E" + sign + digits;
}

}  // namespace

SetValue::SetValue(std::string field, std::string value) : Handler(std::move(field)) {
  if (!isNullWord(value)) value_ = std::move(value);
}

bool SetValue::isArithmetic(const std::string& value) {
  return !value.empty() && (value.front() == '+' || value.front() == '-');
}

void SetValue::handle(Record& record, const Record&) {
  validate(record);
  if (!value_ || !isArithmetic(*value_)) return record.set(field_, value_);

  const Value& current = record.get(field_);
  auto stored = current ? php::parseNumeric(*current) : php::Number{true, 0, 0};
  if (!stored)
    throw TransformError(fmt::format("SetValue \"{}\" needs a number in {}.{}, which holds \"{}\"", *value_,
                                     record.document(), field_, *current));
  auto operand = php::parseNumeric(value_->substr(1));
  if (!operand) throw TransformError(fmt::format("SetValue \"{}\" has no number after its sign", *value_));
  bool add = value_->front() == '+';
  if (stored->integral && operand->integral) {
    std::int64_t result = 0;
    bool overflow = add ? __builtin_add_overflow(stored->integer, operand->integer, &result)
                        : __builtin_sub_overflow(stored->integer, operand->integer, &result);
    if (!overflow) return record.set(field_, std::to_string(result));
  }
  record.set(field_, phpFloatString(add ? stored->real + operand->real : stored->real - operand->real));
}

}  // namespace m2stage::schema
