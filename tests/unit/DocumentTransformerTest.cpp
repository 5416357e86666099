// DocumentTransformer: source handlers, copy, destination handlers, warnings and the environment.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace m2stage::test
