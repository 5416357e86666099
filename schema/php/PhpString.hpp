// PHP 8 semantics on database strings that the handlers rely on: truthiness, is_numeric(),
// loose comparison (==), (int) casts and crc32().
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "schema/Table.hpp"

namespace m2stage::schema::php {

// PHP's truthiness of a string cell: NULL, "" and "0" are false (also PHP's empty()).
bool truthy(const Value& value);
// is_numeric(): optional leading whitespace, sign, digits with optional fraction and exponent,
// optional trailing whitespace (PHP 8).
bool isNumeric(const std::string& text);
// A numeric string's value as PHP 8 reads it: an int when written as a whole number that fits in
// 64 bits (`integral`, `integer`), else a float (`real` is set either way); nullopt when the
// string is not numeric (see isNumeric).
struct Number {
  bool integral = false;
  std::int64_t integer = 0;
  double real = 0;
};
std::optional<Number> parseNumeric(const std::string& text);
// `a == b` for two strings: numerically when both are numeric, else byte equality (PHP 8).
bool looseEquals(const std::string& a, const std::string& b);
// `a == b` where either side may be NULL: PHP compares NULL as "" (so NULL == "" but not "0").
bool looseEquals(const Value& a, const Value& b);
// (int)$text: leading whitespace, sign and digits, saturating; 0 when there are none.
std::int64_t toInt(const Value& value);
// crc32() as PHP returns it on 64-bit platforms: the unsigned checksum.
std::uint32_t crc32(const std::string& bytes);

}  // namespace m2stage::schema::php
