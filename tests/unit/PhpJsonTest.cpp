// PHP json_encode() with default flags, byte for byte.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "schema/php/PhpFloat.hpp"
#include "schema/php/PhpJson.hpp"

namespace m2stage::test {
namespace {

using schema::php::jsonEncode;
using schema::php::PhpValue;

std::string encode(const PhpValue& value) { return jsonEncode(value).value_or("<false>"); }
std::string encodeString(const std::string& bytes) { return encode(PhpValue::string(bytes)); }

TEST(PhpJsonTest, EscapesStringsAsPhp) {
  EXPECT_EQ(encodeString("a/b"), "\"a\\/b\"");
  EXPECT_EQ(encodeString("q\"b\\"), "\"q\\\"b\\\\\"");
  EXPECT_EQ(encodeString("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
  EXPECT_EQ(encodeString(std::string("\x01\x1f\x7f", 3)), "\"\\u0001\\u001f\x7f\"");
  EXPECT_EQ(encodeString(std::string(1, '\0')), "\"\\u0000\"");
  EXPECT_EQ(encodeString("caf\xc3\xa9"), "\"caf\\u00e9\"");
  EXPECT_EQ(encodeString("\xe2\x82\xac"), "\"\\u20ac\"");
  EXPECT_EQ(encodeString("\xf0\x9f\x98\x80"), "\"\\ud83d\\ude00\"") << "U+1F600 as a surrogate pair";
  EXPECT_EQ(encodeString("<a href='x'>&</a>"), "\"<a href='x'>&<\\/a>\"");
  EXPECT_EQ(encodeString("12"), "\"12\"") << "numeric strings stay strings";
}

TEST(PhpJsonTest, RefusesInvalidUtf8) {
  EXPECT_EQ(encodeString("\xe9"), "<false>") << "Latin-1 byte";
  EXPECT_EQ(encodeString("\xc0\xaf"), "<false>") << "overlong";
  EXPECT_EQ(encodeString("\xed\xa0\x80"), "<false>") << "surrogate";
  EXPECT_EQ(encodeString("\xf4\x90\x80\x80"), "<false>") << "beyond U+10FFFF";
  EXPECT_EQ(encodeString("\xe2\x82"), "<false>") << "truncated";
  PhpValue nested = PhpValue::array();
  nested.set(std::int64_t{0}, PhpValue::string("\xff"));
  EXPECT_EQ(encode(nested), "<false>") << "anywhere inside";
}

TEST(PhpJsonTest, PrintsScalars) {
  EXPECT_EQ(encode(PhpValue()), "null");
  EXPECT_EQ(encode(PhpValue::boolean(true)), "true");
  EXPECT_EQ(encode(PhpValue::boolean(false)), "false");
  EXPECT_EQ(encode(PhpValue::integer(-9223372036854775807 - 1)), "-9223372036854775808");
}

TEST(PhpJsonTest, PrintsFloatsWithSerializePrecisionMinusOne) {
  EXPECT_EQ(encode(PhpValue::real(0.1)), "0.1");
  EXPECT_EQ(encode(PhpValue::real(1.0)), "1") << "no JSON_PRESERVE_ZERO_FRACTION by default";
  EXPECT_EQ(encode(PhpValue::real(-2.5)), "-2.5");
  EXPECT_EQ(encode(PhpValue::real(0.1 + 0.2)), "0.30000000000000004");
  EXPECT_EQ(encode(PhpValue::real(1e25)), "1.0e+25");
  EXPECT_EQ(encode(PhpValue::real(1.5e300)), "1.5e+300");
  EXPECT_EQ(encode(PhpValue::real(1e15)), "1000000000000000") << "fixed up to 17 integer digits";
  EXPECT_EQ(encode(PhpValue::real(1e17)), "1.0e+17");
  EXPECT_EQ(encode(PhpValue::real(123456789012345680.0)), "1.2345678901234568e+17");
  EXPECT_EQ(encode(PhpValue::real(12345678901234567.0)), "12345678901234568");
  EXPECT_EQ(encode(PhpValue::real(0.0001)), "0.0001");
  EXPECT_EQ(encode(PhpValue::real(0.00001)), "1.0e-5");
  EXPECT_EQ(encode(PhpValue::real(-0.0)), "-0");
  EXPECT_EQ(encode(PhpValue::real(std::numeric_limits<double>::infinity())), "<false>");
  EXPECT_EQ(encode(PhpValue::real(std::nan(""))), "<false>");
}

TEST(PhpJsonTest, ListsOnlyForKeysZeroToNMinusOne) {
  PhpValue list = PhpValue::array();
  list.set(std::int64_t{0}, PhpValue::integer(1));
  list.set(std::int64_t{1}, PhpValue::string("x"));
  EXPECT_EQ(encode(list), "[1,\"x\"]");
  PhpValue gap = PhpValue::array();
  gap.set(std::int64_t{1}, PhpValue::integer(1));
  EXPECT_EQ(encode(gap), "{\"1\":1}");
  PhpValue named = PhpValue::array();
  named.set(std::string("a/b"), PhpValue());
  named.set(std::string(""), PhpValue::array());
  EXPECT_EQ(encode(named), "{\"a\\/b\":null,\"\":[]}");
  EXPECT_EQ(encode(PhpValue::array()), "[]");
  EXPECT_EQ(encode(PhpValue::object("stdClass")), "{}");
}

TEST(PhpJsonTest, RefusesNestingBeyond512) {
  auto nest = [](int depth) {
    PhpValue value = PhpValue::array();
    for (int i = 1; i < depth; ++i) {
      PhpValue outer = PhpValue::array();
      outer.set(std::int64_t{0}, std::move(value));
      value = std::move(outer);
    }
    return value;
  };
  EXPECT_TRUE(jsonEncode(nest(512)).has_value());
  EXPECT_FALSE(jsonEncode(nest(513)).has_value());
}

TEST(PhpFloatTest, UsesTheExponentCharacterAsked) {
  EXPECT_EQ(schema::php::formatDouble(1e25, 'E'), "1.0E+25");
  EXPECT_EQ(schema::php::formatDouble(2.5e-7, 'e'), "2.5e-7");
  EXPECT_EQ(schema::php::formatDouble(100.0, 'e'), "100");
  EXPECT_EQ(schema::php::formatDouble(0.5, 'e'), "0.5");
}

}  // namespace
}  // namespace m2stage::test
