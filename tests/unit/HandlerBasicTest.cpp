// Handlers that need only the row: Convert, AddPrefix, ConvertIp, SetHash, FieldCopy, ...
#include <gtest/gtest.h>

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
  EXPECT_FALSE(schema::isKnownHandler("Migration\\Handler\\Nope"));
}

}  // namespace
}  // namespace m2stage::test
