// Handlers that need only the row: Convert, AddPrefix, ConvertIp, SetHash, FieldCopy, ...
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "HandlerTestEnvironment.hpp"

namespace m2stage::test {
namespace {

using schema::Value;

Value one(const std::string& className, std::map<std::string, std::string> params, Value value) {
  auto row = record("doc", {{"f", value}});
  return run(spec(className, std::move(params)), "f", row);
}

std::string errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const std::exception& error) {
    return error.what();
  }
  return "";
}

TEST(HandlerBasicTest, ConvertMapsAndFallsBackToATruthyDefault) {
  std::map<std::string, std::string> params = {{"map", "[one_column:1column; two_columns_left:2columns-left]"},
                                               {"defaultValue", "1column"}};
  EXPECT_EQ(one("Migration\\Handler\\Convert", params, "two_columns_left"), "2columns-left") << "pairs are trimmed";
  EXPECT_EQ(one("Migration\\Handler\\Convert", params, "other"), "1column");
  EXPECT_EQ(one("Migration\\Handler\\Convert", params, std::nullopt), "1column");
  params["defaultValue"] = "0";
  EXPECT_EQ(one("Migration\\Handler\\Convert", params, "other"), "other") << "a falsy default is no default";
  EXPECT_EQ(one("Migration\\Handler\\Convert", {{"map", "[a:b]"}}, std::nullopt), std::nullopt);
  EXPECT_EQ(one("Migration\\Handler\\Convert", {{"map", "[:empty]"}}, std::nullopt), "empty") << "NULL is the key \"\"";
}

TEST(HandlerBasicTest, ConvertRejectsAMalformedMap) {
  EXPECT_EQ(errorOf([] { one("Migration\\Handler\\Convert", {{"map", "[a:b:c]"}}, "a"); }),
            "map.xml:7: Invalid map provided to convert handler");
  EXPECT_EQ(errorOf([] { one("Migration\\Handler\\Convert", {{"map", "[a:b;]"}}, "a"); }),
            "map.xml:7: Invalid map provided to convert handler");
  EXPECT_EQ(errorOf([] { one("Migration\\Handler\\Convert", {}, "a"); }),
            "map.xml:7: handler Migration\\Handler\\Convert needs the param \"map\"");
}

TEST(HandlerBasicTest, AddPrefixConcatenates) {
  EXPECT_EQ(one("Migration\\Handler\\AddPrefix", {{"prefix", "m1_"}}, "x"), "m1_x");
  EXPECT_EQ(one("Migration\\Handler\\AddPrefix", {{"prefix", "m1_"}}, std::nullopt), "m1_");
}

TEST(HandlerBasicTest, ConvertDateFormatUsesIcuNumbers) {
  EXPECT_EQ(one("Migration\\Handler\\ConvertDateFormat", {},
                "<a><date_format>full</date_format><date_format>short</date_format><date_format>x</date_format></a>"),
            "<a><date_format>0</date_format><date_format>3</date_format><date_format>x</date_format></a>");
  EXPECT_EQ(one("Migration\\Handler\\ConvertDateFormat", {}, "<date_format>medium</date_format>"), "<date_format>2</date_format>");
}

TEST(HandlerBasicTest, ConvertIpGivesUnsignedIpv4AndZeroOtherwise) {
  EXPECT_EQ(one("Migration\\Handler\\ConvertIp", {}, "192.168.1.10"), "3232235786");
  EXPECT_EQ(one("Migration\\Handler\\ConvertIp", {}, "255.255.255.255"), "4294967295");
  EXPECT_EQ(one("Migration\\Handler\\ConvertIp", {}, std::string("\x7f\x00\x00\x01", 4)), "2130706433") << "packed";
  EXPECT_EQ(one("Migration\\Handler\\ConvertIp", {}, "::1"), "0");
  EXPECT_EQ(one("Migration\\Handler\\ConvertIp", {}, std::string(16, '\x01')), "0") << "packed IPv6";
  EXPECT_EQ(one("Migration\\Handler\\ConvertIp", {}, "192.168.01.1"), "0") << "leading zeros are invalid";
  EXPECT_EQ(one("Migration\\Handler\\ConvertIp", {}, "256.1.1.1"), "0");
  EXPECT_EQ(one("Migration\\Handler\\ConvertIp", {}, std::nullopt), "0");
}

TEST(HandlerBasicTest, SetHashIsUnsignedCrc32OfTheOppositeField) {
  auto row = record("doc", {{"hash", std::nullopt}, {"code", std::nullopt}});
  auto handler = schema::makeHandler(spec("Migration\\Handler\\SetHash", {{"hash", "crc32"}, {"baseField", "code"}}), "hash");
  auto opposite = record("doc", {{"hash", std::nullopt}, {"code", "The quick brown fox jumped over the lazy dog."}});
  handler->handle(row, opposite);
  EXPECT_EQ(row.get("hash"), "2191738434");  // PHP manual's crc32 example, printed with %u
  handler->handle(row, record("doc", {{"hash", std::nullopt}}));
  EXPECT_EQ(row.get("hash"), "0") << "crc32('')";
  EXPECT_NE(errorOf([] { schema::makeHandler(spec("Migration\\Handler\\SetHash", {{"hash", "md5"}, {"baseField", "c"}}), "f"); })
                .find("md5 hash algorithm is not supported."),
            std::string::npos);
}

TEST(HandlerBasicTest, FieldCopyTakesATruthyValue) {
  auto row = record("doc", {{"f", "old"}, {"g", "new"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\FieldCopy", {{"fieldCopy", "g"}}), "f", row), "new");
  auto zero = record("doc", {{"f", "old"}, {"g", "0"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\FieldCopy", {{"fieldCopy", "g"}}), "f", zero), "old");
}

TEST(HandlerBasicTest, GetDestinationValueCopiesTheOpposite) {
  auto handler = schema::makeHandler(spec("\\Migration\\Handler\\GetDestinationValue"), "f");
  auto row = record("doc", {{"f", "mine"}});
  handler->handle(row, record("doc", {{"f", std::nullopt}}));
  EXPECT_EQ(row.get("f"), "mine") << "NULL opposite is not copied";
  handler->handle(row, record("doc", {{"f", "theirs"}}));
  EXPECT_EQ(row.get("f"), "theirs");
  auto nulling = schema::makeHandler(spec("Migration\\Handler\\GetDestinationValue", {{"setNullIfEmpty", "true"}}), "f");
  nulling->handle(row, record("doc", {{"f", std::nullopt}}));
  EXPECT_EQ(row.get("f"), std::nullopt);
}

TEST(HandlerBasicTest, SettingsHandlers) {
  EXPECT_EQ(one("Migration\\Handler\\Settings\\CategoryRootId", {}, "2"), std::nullopt);
  EXPECT_EQ(one("Migration\\Handler\\Settings\\CategoryRootId", {}, "2.0"), std::nullopt);
  EXPECT_EQ(one("Migration\\Handler\\Settings\\CategoryRootId", {}, "3"), "3");
  EXPECT_EQ(one("Migration\\Handler\\Settings\\UrlSuffix", {}, "html"), ".html");
  EXPECT_EQ(one("Migration\\Handler\\Settings\\UrlSuffix", {}, ".html"), ".html");
  EXPECT_EQ(one("Migration\\Handler\\Settings\\UrlSuffix", {}, ""), "");
  auto handler = schema::makeHandler(spec("Migration\\Handler\\Settings\\Template"), "value");
  auto row = record("core_config_data", {{"value", "m1_template"}});
  handler->handle(row, record("core_config_data", {{"value", "design_email_header"}}));
  EXPECT_EQ(row.get("value"), "design_email_header");
  row = record("core_config_data", {{"value", "12"}});
  handler->handle(row, record("core_config_data", {{"value", "design_email_header"}}));
  EXPECT_EQ(row.get("value"), "12") << "numeric template ids are kept";
}

TEST(HandlerBasicTest, SetVisibleOnFrontSetsItsOwnColumn) {
  auto handler = schema::makeHandler(spec("Migration\\Handler\\SalesOrderStatusState\\SetVisibleOnFront"), "status");
  auto check = [&](const char* status, const char* state) {
    auto row = record("sales_order_status_state", {{"status", status}, {"state", state}, {"visible_on_front", std::nullopt}});
    handler->handle(row, row);
    return *row.get("visible_on_front");
  };
  EXPECT_EQ(check("pending_payment", "pending_payment"), "0");
  EXPECT_EQ(check("processed_ogone", "processing"), "0");
  EXPECT_EQ(check("anything", "pending_payment"), "0");
  EXPECT_EQ(check("processing", "processing"), "1");
}

TEST(HandlerBasicTest, ConvertTimestampToDateOnlyForDateInputs) {
  auto row = record("eav_attribute", {{"default_value", "1500000000"}, {"frontend_input", "date"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\ConvertTimestampToDate"), "default_value", row), "2017-07-14 02:40:00");
  row = record("eav_attribute", {{"default_value", "1500000000"}, {"frontend_input", "text"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\ConvertTimestampToDate"), "default_value", row), "1500000000");
  row = record("eav_attribute", {{"default_value", "2017-01-01"}, {"frontend_input", "date"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\ConvertTimestampToDate"), "default_value", row), "2017-01-01");
  row = record("eav_attribute", {{"default_value", "-86400"}, {"frontend_input", "date"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\ConvertTimestampToDate"), "default_value", row), "1969-12-31 00:00:00");
}

TEST(HandlerBasicTest, TimezoneShiftsIntsAndDates) {
  schema::Table table{"t", {{"created", "datetime", "datetime"}, {"stamp", "int", "int(10)"}, {"name", "varchar", "varchar(9)"}}, {}};
  auto row = record("t", {{"created", "2020-03-01 00:30:00"}, {"stamp", "1000"}, {"name", "x"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\Timezone", {{"offset", "-1"}}), "created", row, nullptr, &table), "2020-02-29 23:30:00");
  EXPECT_EQ(run(spec("Migration\\Handler\\Timezone", {{"offset", "+2"}}), "stamp", row, nullptr, &table), "8200");
  row = record("t", {{"created", "0000-00-00 00:00:00"}, {"stamp", "0"}, {"name", "x"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\Timezone", {{"offset", "3"}}), "created", row, nullptr, &table), "0000-00-00 00:00:00");
  EXPECT_EQ(run(spec("Migration\\Handler\\Timezone", {{"offset", "3"}}), "stamp", row, nullptr, &table), "0");
  EXPECT_NE(errorOf([&] { run(spec("Migration\\Handler\\Timezone", {{"offset", "13"}}), "stamp", row, nullptr, &table); })
                .find("Offset can have value between"),
            std::string::npos);
  EXPECT_NE(errorOf([&] { run(spec("Migration\\Handler\\Timezone", {{"offset", "1"}}), "name", row, nullptr, &table); })
                .find("Provided datatype for field \"name\" is not supported"),
            std::string::npos);
}

TEST(HandlerBasicTest, SetValueSetsConstantsAndTheNullWordInAnyCase) {
  const char* setValue = "\\Migration\\Handler\\SetValue";
  EXPECT_EQ(one(setValue, {{"value", "en_US"}}, "fr_FR"), "en_US");
  EXPECT_EQ(one(setValue, {{"value", "0"}}, std::nullopt), "0");
  EXPECT_EQ(one(setValue, {{"value", ""}}, "x"), "") << "an empty value is a literal ''";
  EXPECT_EQ(one(setValue, {{"value", "NULL"}}, "x"), std::nullopt);
  EXPECT_EQ(one(setValue, {{"value", "null"}}, "x"), std::nullopt) << "strtoupper($value) === 'NULL'";
  EXPECT_EQ(one(setValue, {{"value", "Null"}}, "x"), std::nullopt);
  EXPECT_EQ(one(setValue, {{"value", "NULLS"}}, "x"), "NULLS");
  EXPECT_EQ(one(setValue, {{"value", " NULL"}}, "x"), " NULL");
}

// PHP 8's `$stored + $rest` / `$stored - $rest`: ints stay ints, floats print with precision 14.
TEST(HandlerBasicTest, SetValuePlusOrMinusIsArithmeticOnTheCurrentValue) {
  auto add = [](const std::string& value, schema::Value current) {
    return one("Migration\\Handler\\SetValue", {{"value", value}}, std::move(current));
  };
  EXPECT_EQ(add("+100", "5"), "105");  // map-eav.xml.dist raises eav_attribute_group.sort_order by 100
  EXPECT_EQ(add("-1", "5"), "4") << "a literal -1 is arithmetic too, as upstream";
  EXPECT_EQ(add("-1", std::nullopt), "-1") << "NULL counts as 0";
  EXPECT_EQ(add("+100", std::nullopt), "100");
  EXPECT_EQ(add("+-3", "10"), "7");
  EXPECT_EQ(add("+ 2", " 7 "), "9") << "PHP 8 numeric strings allow surrounding whitespace";
  EXPECT_EQ(add("-5", "1e3"), "995") << "a float result that is whole prints without a fraction";
  EXPECT_EQ(add("+0.5", "1"), "1.5");
  EXPECT_EQ(add("+1", "1.0"), "2");
  EXPECT_EQ(add("+0.1", "0.2"), "0.3") << "precision 14, not the round-trip 0.30000000000000004";
  EXPECT_EQ(add("+1", "9223372036854775807"), "9.2233720368548E+18") << "int overflow becomes a float";
  EXPECT_EQ(add("-1", "-9223372036854775808"), "-9.2233720368548E+18");
  EXPECT_EQ(add("+1e20", "0"), "1.0E+20") << "PHP's exponent form";
  EXPECT_EQ(add("-0.00001", "0"), "-1.0E-5");
  EXPECT_EQ(add("+1", "99999999999999999999"), "1.0E+20") << "a whole number past 64 bits is a float";
}

TEST(HandlerBasicTest, SetValueArithmeticNeedsNumbers) {
  // PHP 8 throws a TypeError for a non-numeric operand, and Magento turns the warning for
  // "12abc" into an error: the row stops.
  for (const char* current : {"abc", "", "12abc", "0x1A"}) {
    EXPECT_EQ(errorOf([&] { one("Migration\\Handler\\SetValue", {{"value", "+1"}}, current); }),
              fmt::format("SetValue \"+1\" needs a number in doc.f, which holds \"{}\"", current));
  }
  for (const char* value : {"+", "-", "+abc", "-1 day"}) {
    EXPECT_EQ(errorOf([&] { schema::makeHandler(spec("Migration\\Handler\\SetValue", {{"value", value}}), "f"); }),
              fmt::format("map.xml:7: SetValue value \"{}\" starts with {} and is therefore arithmetic (as upstream), "
                          "but no number follows",
                          value, value[0]));
  }
}

// catalog_eav_attribute.apply_to in the official tests' map-eav.xml: upstream merges the lists
// with PHP's array union (+), which goes by position, not by value.
TEST(HandlerBasicTest, ConvertConfigurableAttributeMergesApplyToListsByPosition) {
  auto handler = schema::makeHandler(spec("\\Migration\\Handler\\EavAttribute\\ConvertConfigurableAttribute"), "apply_to");
  auto convert = [&](schema::Value mine, schema::Value theirs, schema::Value isConfigurable = "0") {
    auto row = record("catalog_eav_attribute", {{"apply_to", mine}, {"is_configurable", isConfigurable}});
    handler->handle(row, record("catalog_eav_attribute", {{"apply_to", theirs}}));
    return row.get("apply_to");
  };
  EXPECT_EQ(convert("simple,virtual", "simple,virtual,bundle,downloadable"), "simple,virtual,bundle,downloadable");
  EXPECT_EQ(convert("simple,virtual,bundle", "simple"), "simple,virtual,bundle");
  EXPECT_EQ(convert("simple", "virtual,bundle"), "simple,bundle") << "index 0 is taken from Magento 1";
  EXPECT_EQ(convert("simple", "simple", "1"), "simple") << "both set: merged even when configurable";
  EXPECT_EQ(convert("", "simple,virtual"), "simple,virtual") << "empty: the opposite list";
  EXPECT_EQ(convert(std::nullopt, "virtual"), "virtual");
  EXPECT_EQ(convert("0", "virtual"), "virtual") << "'0' is empty() in PHP";
  EXPECT_EQ(convert("", std::nullopt), std::nullopt) << "both empty: NULL";
  EXPECT_EQ(convert("0", ""), std::nullopt);
  EXPECT_EQ(convert("simple", std::nullopt, "1"), std::nullopt) << "configurable without an opposite list: NULL";
  EXPECT_EQ(convert("simple", std::nullopt, "0"), "simple");
  EXPECT_EQ(convert("simple", std::nullopt, std::nullopt), "simple");

  // A record without is_configurable reads it as NULL (upstream getValue); the integrity check
  // names the column as one the handler needs.
  auto row = record("catalog_eav_attribute", {{"apply_to", "simple"}});
  handler->handle(row, record("catalog_eav_attribute", {{"apply_to", std::nullopt}}));
  EXPECT_EQ(row.get("apply_to"), "simple");
  ASSERT_EQ(handler->columnsRead().size(), 1u);
  EXPECT_EQ(handler->columnsRead()[0].name, "is_configurable");
  EXPECT_FALSE(handler->columnsRead()[0].opposite);
}

TEST(HandlerBasicTest, HandlersValidateTheirField) {
  auto row = record("doc", {{"other", "x"}});
  EXPECT_EQ(errorOf([&] { run(spec("Migration\\Handler\\AddPrefix", {{"prefix", "p"}}), "f", row); }),
            "f field not found in the record.");
}

TEST(HandlerBasicTest, UnknownAndEnvironmentlessHandlersAreInputErrors) {
  EXPECT_EQ(errorOf([] { schema::makeHandler(spec("Migration\\Handler\\Nope"), "f"); }),
            "map.xml:7: unknown handler class \\Migration\\Handler\\Nope (on f)");
  EXPECT_NE(errorOf([] { schema::makeHandler(spec("Migration\\Handler\\ClassMap"), "f"); })
                .find("map.xml:7: handler \\Migration\\Handler\\ClassMap (on f) needs"),
            std::string::npos);
  EXPECT_TRUE(schema::isKnownHandler("\\Migration\\Handler\\Gallery\\SetEntityId"));
  EXPECT_TRUE(schema::isKnownHandler("Migration\\Handler\\SetValue"));
  EXPECT_TRUE(schema::isKnownHandler("Migration\\Handler\\Encrypt"));
  EXPECT_TRUE(schema::isKnownHandler("\\Migration\\Handler\\EavAttribute\\ConvertConfigurableAttribute"));
  EXPECT_FALSE(schema::isKnownHandler("Migration\\Handler\\Nope"));
}

}  // namespace
}  // namespace m2stage::test
