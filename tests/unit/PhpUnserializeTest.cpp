// PHP unserialize()/serialize(): the byte format, lengths in bytes, and broken input.
#include <gtest/gtest.h>

#include <cmath>

#include "schema/php/PhpJson.hpp"
#include "schema/php/PhpSerialize.hpp"
#include "schema/php/PhpUnserialize.hpp"

namespace m2stage::test {
namespace {

using schema::php::PhpValue;
using schema::php::serialize;
using schema::php::unserialize;

// unserialize then json_encode, "<fail>" when unserialize fails.
std::string json(std::string_view bytes) {
  auto result = unserialize(bytes);
  if (!result.ok()) return "<fail>";
  return schema::php::jsonEncode(*result.value).value_or("<json false>");
}

TEST(PhpUnserializeTest, ReadsScalars) {
  EXPECT_EQ(json("N;"), "null");
  EXPECT_EQ(json("b:1;"), "true");
  EXPECT_EQ(json("b:0;"), "false");
  EXPECT_EQ(json("i:-42;"), "-42");
  EXPECT_EQ(json("i:+7;"), "7");
  EXPECT_EQ(json("i:9223372036854775807;"), "9223372036854775807");
  EXPECT_EQ(json("d:0.5;"), "0.5");
  EXPECT_EQ(json("d:.5;"), "0.5");
  EXPECT_EQ(json("d:5.;"), "5");
  EXPECT_EQ(json("d:1.5E+25;"), "1.5e+25");
  EXPECT_EQ(json("d:-0;"), "-0");
  EXPECT_EQ(json("s:0:\"\";"), "\"\"");
}

TEST(PhpUnserializeTest, ReadsInfinityAndNan) {
  auto inf = unserialize("d:INF;");
  ASSERT_TRUE(inf.ok());
  EXPECT_TRUE(std::isinf(inf.value->asFloat()) && inf.value->asFloat() > 0);
  auto negative = unserialize("d:-INF;");
  ASSERT_TRUE(negative.ok());
  EXPECT_LT(negative.value->asFloat(), 0);
  auto nan = unserialize("d:NAN;");
  ASSERT_TRUE(nan.ok());
  EXPECT_TRUE(std::isnan(nan.value->asFloat()));
  EXPECT_EQ(json("d:INF;"), "<json false>") << "json_encode refuses INF";
}

TEST(PhpUnserializeTest, CountsStringLengthInBytes) {
  EXPECT_EQ(json("s:2:\"\xc3\xa9\";"), "\"\\u00e9\"");
  EXPECT_EQ(json("s:1:\"\xc3\xa9\";"), "<fail>") << "one byte of a two-byte character leaves a stray byte";
  EXPECT_EQ(json("s:5:\"a\";b\"\";"), "\"a\\\";b\\\"\"") << "\"; inside a string is data";
  EXPECT_EQ(json("s:3:\"abc\""), "<fail>");
  EXPECT_EQ(json("s:4:\"abc\";"), "<fail>");
  EXPECT_EQ(json("s:2:\"abc\";"), "<fail>");
}

TEST(PhpUnserializeTest, ReadsNestedArraysInOrder) {
  EXPECT_EQ(json("a:0:{}"), "[]");
  EXPECT_EQ(json("a:2:{i:0;s:1:\"a\";i:1;a:1:{s:1:\"k\";d:0.1;}}"), "[\"a\",{\"k\":0.1}]");
  EXPECT_EQ(json("a:2:{i:1;s:1:\"a\";i:0;s:1:\"b\";}"), "{\"1\":\"a\",\"0\":\"b\"}") << "keys out of order";
  EXPECT_EQ(json("a:1:{s:1:\"0\";s:1:\"x\";}"), "[\"x\"]") << "\"0\" is the int key 0";
  EXPECT_EQ(json("a:1:{s:2:\"01\";s:1:\"x\";}"), "{\"01\":\"x\"}");
  EXPECT_EQ(json("a:2:{i:0;i:1;i:0;i:2;}"), "[2]") << "a repeated key replaces in place";
}

TEST(PhpUnserializeTest, ReadsObjects) {
  EXPECT_EQ(json("O:8:\"stdClass\":0:{}"), "{}");
  using namespace std::string_view_literals;
  EXPECT_EQ(json("O:8:\"stdClass\":2:{s:1:\"a\";i:1;s:4:\"\0*\0b\";i:2;}"sv), "{\"a\":1}") << "protected is hidden";
  EXPECT_EQ(json("O:13:\"Varien_Object\":1:{s:5:\"_data\";a:0:{}}"),
            "{\"__PHP_Incomplete_Class_Name\":\"Varien_Object\",\"_data\":[]}");
  EXPECT_EQ(json("O:8:\"stdClass\":1:{i:0;s:1:\"x\";}"), "{\"0\":\"x\"}") << "objects stay objects";
}

TEST(PhpUnserializeTest, ResolvesReferencesByCopying) {
  EXPECT_EQ(json("a:2:{i:0;s:1:\"x\";i:1;R:2;}"), "[\"x\",\"x\"]");
  EXPECT_EQ(json("a:2:{i:0;O:8:\"stdClass\":0:{}i:1;r:2;}"), "[{},{}]");
  EXPECT_EQ(json("a:2:{i:0;s:1:\"x\";i:1;r:2;}"), "<fail>") << "r: must name an object";
  EXPECT_EQ(json("a:1:{i:0;R:1;}"), "<fail>") << "a cycle";
  EXPECT_EQ(json("a:1:{i:0;R:9;}"), "<fail>");
}

TEST(PhpUnserializeTest, CustomSerializedClasses) {
  auto known = unserialize("C:11:\"ArrayObject\":21:{x:i:0;a:0:{};m:a:0:{}}");
  ASSERT_TRUE(known.ok()) << known.error;
  EXPECT_EQ(serialize(*known.value), "C:11:\"ArrayObject\":21:{x:i:0;a:0:{};m:a:0:{}}");
  auto unknown = unserialize("C:3:\"Foo\":2:{ab}");
  EXPECT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error, "Class Foo has no unserializer");
}

TEST(PhpUnserializeTest, EmptyInputIsFalseWithoutError) {
  auto result = unserialize("");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value->type(), PhpValue::Type::Bool);
  EXPECT_FALSE(result.value->asBool());
}

TEST(PhpUnserializeTest, RejectsBrokenInput) {
  for (const char* broken : {"x", "N", "i:;", "i:1", "b:2;", "d:;", "d:e5;", "a:1:{i:0;i:1;", "a:2:{i:0;i:1;}",
                             "a:1:{d:0.5;i:1;}", "a:1:{N;i:1;}", "O:3:\"a-b\":0:{}", "O:9:\"stdClass\":0:{}",
                             "i:9223372036854775808;", "s:-1:\"\";", "a:1:{i:0;i:1;};"}) {
    auto result = unserialize(broken);
    if (std::string(broken) == "a:1:{i:0;i:1;};") {
      EXPECT_TRUE(result.ok()) << "trailing bytes are ignored (PHP <= 8.2)";
      continue;
    }
    EXPECT_FALSE(result.ok()) << broken;
    EXPECT_FALSE(result.error.empty()) << broken;
  }
  EXPECT_EQ(unserialize("a:1:{i:0;x}").error, "Error at offset 9 of 11 bytes");
}

TEST(PhpUnserializeTest, RejectsTooDeepNesting) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "a:1:{i:0;";
  deep += "N;";
  for (int i = 0; i < 5000; ++i) deep += "}";
  EXPECT_FALSE(unserialize(deep).ok());
}

TEST(PhpSerializeTest, RoundTripsWhatItReads) {
  for (const char* text : {"N;", "b:1;", "i:-5;", "d:0.1;", "d:1.0E+25;", "d:-0;", "d:INF;", "d:-INF;", "d:NAN;",
                           "s:3:\"a\"b\";", "a:2:{i:0;s:1:\"x\";s:1:\"k\";a:0:{}}",
                           "O:13:\"Varien_Object\":1:{s:5:\"_data\";a:1:{i:3;b:0;}}"}) {
    auto result = unserialize(text);
    ASSERT_TRUE(result.ok()) << text;
    EXPECT_EQ(serialize(*result.value), text);
  }
}

TEST(PhpSerializeTest, NormalizesFloatsAsPhp71) {
  // PHP 5 wrote 17 significant digits; PHP 7.1+ writes the shortest form.
  EXPECT_EQ(serialize(*unserialize("d:0.10000000000000001;").value), "d:0.1;");
  EXPECT_EQ(serialize(PhpValue::real(1.0)), "d:1;");
  EXPECT_EQ(serialize(PhpValue::real(0.00001)), "d:1.0E-5;");
}

}  // namespace
}  // namespace m2stage::test
