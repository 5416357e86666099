// DocumentTransformer: source handlers, copy, destination handlers, warnings and the environment.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "HandlerTestEnvironment.hpp"
#include "schema/DocumentTransformer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using schema::Value;

class DocumentTransformerTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = makeTempDir("m2stage-transformer"); }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  schema::MapRules map(const std::string& source, const std::string& destination) {
    auto path = directory_ / "map.xml";
    std::ofstream(path) << "<map><source><field_rules>" << source << "</field_rules></source><destination><field_rules>"
                        << destination << "</field_rules></destination></map>";
    return schema::MapRules::load(path);
  }

  std::filesystem::path directory_;
  schema::Table source_{"sales_flat_order_payment",
                        {{"entity_id", "int", "int(10) unsigned", false, true}, {"additional_information", "text", "text"}},
                        {"entity_id"}};
  schema::Table destination_{"sales_flat_order_payment",
                             {{"entity_id", "int", "int(10) unsigned", false, true},
                              {"additional_information", "text", "text"},
                              {"store_id", "smallint", "smallint(5) unsigned"}},
                             {"entity_id"}};
};

TEST_F(DocumentTransformerTest, RunsSourceHandlersAndCollectsWarnings) {
  auto rules = map(
      "<transform><field>sales_flat_order_payment.additional_information</field>"
      "<handler class=\"\\Migration\\Handler\\SerializeToJson\"/></transform>",
      "");
  schema::DocumentTransformer transformer(rules, source_, destination_);
  EXPECT_FALSE(transformer.isPlainCopy());
  auto out = transformer.transform({"1", "a:1:{s:1:\"a\";i:1;}"});
  EXPECT_EQ(out, (std::vector<Value>{"1", "{\"a\":1}"}));
  EXPECT_TRUE(transformer.warnings().empty());
  out = transformer.transform({"2", "a:1:{"});
  EXPECT_EQ(out, (std::vector<Value>{"2", std::nullopt}));
  ASSERT_EQ(transformer.warnings().size(), 1u);
  EXPECT_EQ(transformer.warnings()[0],
            "Could not unserialize data of sales_flat_order_payment.additional_information with record id 2");
  transformer.transform({"3", "i:1;"});
  EXPECT_TRUE(transformer.warnings().empty()) << "warnings are per row";
}

TEST_F(DocumentTransformerTest, ReportsUnsetDestinationColumns) {
  MemoryEnvironment environment;
  environment.tables["sales_flat_quote_item"] = {{{"item_id", "1"}, {"store_id", "4"}}};
  auto rules = map("", "<transform><field>sales_flat_order_payment.store_id</field>"
                       "<handler class=\"\\Migration\\Handler\\SetValue\"><param name=\"value\" value=\"3\"/></handler></transform>");
  schema::DocumentTransformer transformer(rules, source_, destination_, &environment);
  EXPECT_EQ(transformer.outputColumns(), (std::vector<std::string>{"entity_id", "additional_information", "store_id"}));
  EXPECT_EQ(transformer.transform({"1", "x"}), (std::vector<Value>{"1", "x", "3"}));
  EXPECT_EQ(transformer.assigned(), (std::vector<bool>{true, true, true}));
}

TEST_F(DocumentTransformerTest, HandlersNeedingAnEnvironmentFailWithoutOne) {
  auto rules = map("", "<transform><field>sales_flat_order_payment.store_id</field>"
                       "<handler class=\"\\Migration\\Handler\\SetDefaultWebsiteId\"/></transform>");
  try {
    schema::DocumentTransformer transformer(rules, source_, destination_);
    FAIL() << "expected an InputError";
  } catch (const schema::InputError& error) {
    EXPECT_NE(std::string(error.what()).find("handler \\Migration\\Handler\\SetDefaultWebsiteId (on store_id) needs"),
              std::string::npos)
        << error.what();
  }
}

TEST_F(DocumentTransformerTest, BrokenSerializedDataIsABadValueNamingFieldAndKey) {
  auto rules = map(
      "<transform><field>sales_flat_order_payment.additional_information</field>"
      "<handler class=\"\\Migration\\Handler\\SerializeToJson\"><param name=\"suppressWarning\" value=\"true\"/>"
      "</handler></transform>",
      "");
  schema::DocumentTransformer transformer(rules, source_, destination_);
  transformer.transform({"1", "i:1;"});
  EXPECT_TRUE(transformer.badValues().empty());
  EXPECT_EQ(transformer.rowKey(), "entity_id=1");
  auto out = transformer.transform({"42", "a:1:{s:1:\"a\";i:1;"});
  EXPECT_EQ(out[1], std::nullopt) << "stored as NULL, as upstream";
  EXPECT_TRUE(transformer.warnings().empty()) << "suppressWarning silences the log line";
  ASSERT_EQ(transformer.badValues().size(), 1u) << "but not the finding";
  const auto& bad = transformer.badValues()[0];
  EXPECT_EQ(bad.side, schema::Side::Source);
  EXPECT_EQ(bad.document, "sales_flat_order_payment");
  EXPECT_EQ(bad.field, "additional_information");
  EXPECT_EQ(bad.reason, "broken serialized data (unserialize(): Error at offset 17 of 17 bytes); stored as NULL");
  EXPECT_FALSE(bad.fatal);
  EXPECT_EQ(transformer.rowKey(), "entity_id=42");
  transformer.transform({"43", "i:2;"});
  EXPECT_TRUE(transformer.badValues().empty()) << "bad values are per row";
}

TEST_F(DocumentTransformerTest, AHandlerThatStopsTheRowNamesItsFieldAndKey) {
  auto rules = map(
      "<transform><field>sales_flat_order_payment.additional_information</field>"
      "<handler class=\"\\Migration\\Handler\\SerializeToJson\"><param name=\"migrateBrokenData\" value=\"false\"/>"
      "</handler></transform>",
      "");
  schema::DocumentTransformer transformer(rules, source_, destination_);
  EXPECT_THROW(transformer.transform({"7", "s:3:\"ab\";"}), schema::TransformError);
  ASSERT_EQ(transformer.badValues().size(), 1u);
  EXPECT_TRUE(transformer.badValues()[0].fatal);
  EXPECT_EQ(transformer.badValues()[0].field, "additional_information");
  EXPECT_NE(transformer.badValues()[0].reason.find("Could not unserialize data of sales_flat_order_payment.additional_information "
                                                   "with record id 7"),
            std::string::npos)
      << transformer.badValues()[0].reason;
  EXPECT_EQ(transformer.rowKey(), "entity_id=7");
}

TEST_F(DocumentTransformerTest, UnsetColumnsGetTheDestinationDefault) {
  // GetDestinationValue on the destination side reads its own (never copied) column: NULL, so it
  // leaves the column unset, as upstream leaves it out of the INSERT.
  schema::Table destination{"sales_flat_order_payment",
                            {{"entity_id", "int", "int(10) unsigned", false, true},
                             {"additional_information", "text", "text"},
                             {"store_id", "smallint", "smallint(5) unsigned", false, false, "7"},
                             {"label", "varchar", "varchar(20)", false, false, "'it''s \\\\ here'"},
                             {"counter", "int", "int(11)", false},
                             {"note", "varchar", "varchar(20)", true},
                             {"kind", "enum", "enum('b''x','c')", false},
                             {"created_at", "timestamp", "timestamp", false, false, "current_timestamp()"},
                             {"updated_at", "datetime", "datetime(3)", true, false, "current_timestamp(3)"},
                             {"day", "date", "date", false}},
                            {"entity_id"}};
  std::string handlers;
  for (const char* column : {"store_id", "label", "counter", "note", "kind", "created_at", "updated_at", "day"})
    handlers += std::string("<transform><field>sales_flat_order_payment.") + column +
                "</field><handler class=\"\\Migration\\Handler\\GetDestinationValue\"/></transform>";
  auto rules = map("", handlers);
  auto now = std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} + std::chrono::hours{7} + std::chrono::minutes{5} +
             std::chrono::seconds{9} + std::chrono::microseconds{123456};
  schema::DocumentTransformer transformer(rules, source_, destination, nullptr, now);
  EXPECT_EQ(transformer.outputColumns(), (std::vector<std::string>{"entity_id", "additional_information", "store_id", "label",
                                                                   "counter", "note", "kind", "created_at", "updated_at", "day"}));
  auto out = transformer.transform({"1", "x"});
  EXPECT_EQ(out, (std::vector<Value>{"1", "x", "7", "it's \\ here", "0", std::nullopt, "b'x", "2026-11-22 07:05:09",
                                     "2026-11-22 07:05:09.123", "0000-00-00"}));
  EXPECT_EQ(transformer.assigned(), (std::vector<bool>{true, true, false, false, false, false, false, false, false, false}));
  // A key-only row of a delta delete gets no defaults: only its key is written.
  EXPECT_EQ(transformer.transformKey({"2", std::nullopt})[2], std::nullopt);
}

}  // namespace
}  // namespace m2stage::test
