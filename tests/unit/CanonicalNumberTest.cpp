#include <gtest/gtest.h>

#include "load/CanonicalNumber.hpp"

namespace m2stage::load {
namespace {

std::string decimal(std::string_view text) {
  std::string scratch;
  return std::string(canonicalDecimal(text, scratch));
}

std::string floating(std::string_view text, bool single) {
  std::string scratch;
  return std::string(canonicalFloat(text, single, scratch));
}

TEST(CanonicalNumberTest, DecimalsLoseTheirPaddingAndSign) {
  EXPECT_EQ(decimal("12.5000"), "12.5");
  EXPECT_EQ(decimal("12.5"), "12.5");
  EXPECT_EQ(decimal("12.0000"), "12");
  EXPECT_EQ(decimal("12."), "12");
  EXPECT_EQ(decimal("0.5000"), "0.5");
  EXPECT_EQ(decimal(".5"), "0.5");
  EXPECT_EQ(decimal("0.0000"), "0");
  EXPECT_EQ(decimal("0"), "0");
  EXPECT_EQ(decimal("000"), "0");
  EXPECT_EQ(decimal("+007.500"), "7.5");
  EXPECT_EQ(decimal(" 7"), "7");
  EXPECT_EQ(decimal("-12.50"), "-12.5");
  EXPECT_EQ(decimal("-0.00"), "0");
  EXPECT_EQ(decimal("-0.50"), "-0.5");
  EXPECT_EQ(decimal("-007"), "-7");
  EXPECT_EQ(decimal("18446744073709551615"), "18446744073709551615");
  EXPECT_EQ(decimal("-9223372036854775808"), "-9223372036854775808");
}

TEST(CanonicalNumberTest, DecimalsThatAreNotNumbersStayAsTheyAre) {
  EXPECT_EQ(decimal(""), "");
  EXPECT_EQ(decimal("abc"), "abc");
  EXPECT_EQ(decimal("1e3"), "1e3");
  EXPECT_EQ(decimal("-"), "-");
  EXPECT_EQ(decimal("."), ".");
}

TEST(CanonicalNumberTest, CanonicalDecimalsAreViewsOfTheInput) {
  std::string scratch;
  std::string_view text = "12.5000";
  EXPECT_EQ(canonicalDecimal(text, scratch).data(), text.data());
  EXPECT_TRUE(scratch.empty());
}

TEST(CanonicalNumberTest, FloatsReadBackThroughTheirType) {
  EXPECT_EQ(floating("0.1", false), "0.1");
  EXPECT_EQ(floating("0.10000000149011612", true), "0.1");  // a FLOAT read through DOUBLE
  EXPECT_EQ(floating("-0", false), "0");
  EXPECT_EQ(floating("1e3", false), "1000");
  EXPECT_EQ(floating("x", false), "x");
  EXPECT_EQ(floating("", false), "");
}

}  // namespace
}  // namespace m2stage::load
