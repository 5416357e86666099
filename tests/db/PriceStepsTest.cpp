// The TierPrice and ConfigurablePrices steps through extract -> transform -> load: a small Magento 1
// catalog (tables from the stock 1.9.2.4 schema) with tier prices, group prices (one clashing with
// a qty-1 tier price, one a percentage as Magento 1 EE keeps it) and a configurable product whose
// colour and size options add fixed amounts and percentages, per website; into the 2.4.8 schema
// under the shipped map.xml. Magento 2's tier prices and the children's prices are checked value
// by value.
#include <gtest/gtest.h>

#include <fstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "load/ConfigurablePricesStep.hpp"
#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/SchemaDump.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using Rows = std::vector<mariadb::Row>;
using load::ConfigurablePricesStep;

const std::vector<std::string> kM1Tables = {
    "core_store",                     "eav_entity_type",
    "eav_attribute",                  "catalog_product_entity",
    "catalog_product_entity_decimal", "catalog_product_entity_int",
    "catalog_product_super_attribute", "catalog_product_super_attribute_pricing",
    "catalog_product_super_link",     "catalog_product_entity_tier_price",
    "catalog_product_entity_group_price"};
const std::vector<std::string> kM2Tables = {"catalog_product_entity",          "catalog_product_entity_decimal",
                                            "catalog_product_entity_int",      "catalog_product_entity_tier_price",
                                            "catalog_product_super_attribute", "catalog_product_super_link"};

constexpr const char* kSteps = R"XML(  <steps mode="data">
    <step title="Map Step"><integrity>Migration\Step\Map\Integrity</integrity><data>Migration\Step\Map\Data</data><volume>Migration\Step\Map\Volume</volume></step>
    <step title="ConfigurablePrices step"><integrity>Migration\Step\ConfigurablePrices\Integrity</integrity><data>Migration\Step\ConfigurablePrices\Data</data><volume>Migration\Step\ConfigurablePrices\Volume</volume></step>
    <step title="Tier Price Step"><integrity>Migration\Step\TierPrice\Integrity</integrity><data>Migration\Step\TierPrice\Data</data><volume>Migration\Step\TierPrice\Volume</volume></step>
  </steps>
)XML";

class PriceStepsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    M2STAGE_REQUIRE_SHARED_FIXTURES();
    server().createDatabase("prices_m1");
    server().createDatabase("prices_m2");
    server().runSql("prices_m1", tablesFromDump(sharedFixtures() / "magento1" / "ce-1.9.2.4.sql", kM1Tables));
    server().runSql("prices_m2", tablesFromDump(sharedFixtures() / "magento2" / "2.4.8-p1-schema.sql", kM2Tables));
    server().runSql("prices_m1", R"(
      SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO';
      INSERT INTO core_store (store_id, code, website_id, group_id, name, sort_order, is_active) VALUES
        (0, 'admin', 0, 0, 'Admin', 0, 1), (1, 'default', 1, 1, 'Default Store View', 0, 1),
        (2, 'french', 1, 1, 'French', 1, 1);
      INSERT INTO eav_entity_type (entity_type_id, entity_type_code, entity_model) VALUES
        (4, 'catalog_product', 'catalog/product');
      INSERT INTO eav_attribute (attribute_id, entity_type_id, attribute_code, backend_type, frontend_input) VALUES
        (75, 4, 'price', 'decimal', 'price'), (92, 4, 'color', 'int', 'select'), (93, 4, 'size', 'int', 'select');
      INSERT INTO catalog_product_entity (entity_id, entity_type_id, attribute_set_id, type_id, sku) VALUES
        (10, 4, 4, 'configurable', 'shirt'), (11, 4, 4, 'simple', 'shirt-red-s'), (12, 4, 4, 'simple', 'shirt-blue-l'),
        (13, 4, 4, 'simple', 'shirt-red-l'), (20, 4, 4, 'simple', 'mug');
      UPDATE catalog_product_entity SET created_at = '2016-01-02 03:04:05', updated_at = '2016-01-02 03:04:05';
      -- The parent costs 100 (90 in the French store); the children's own prices are placeholders.
      INSERT INTO catalog_product_entity_decimal (entity_type_id, attribute_id, store_id, entity_id, value) VALUES
        (4, 75, 0, 10, 100), (4, 75, 2, 10, 90), (4, 75, 0, 11, 1), (4, 75, 0, 12, 2), (4, 75, 0, 13, 3),
        (4, 75, 0, 20, 12);
      -- Colour 5 = red, 6 = blue; size 7 = S, 8 = L.
      INSERT INTO catalog_product_entity_int (entity_type_id, attribute_id, store_id, entity_id, value) VALUES
        (4, 92, 0, 11, 5), (4, 93, 0, 11, 7), (4, 92, 0, 12, 6), (4, 93, 0, 12, 8), (4, 92, 0, 13, 5), (4, 93, 0, 13, 8);
      INSERT INTO catalog_product_super_attribute (product_super_attribute_id, product_id, attribute_id) VALUES
        (1, 10, 92), (2, 10, 93);
      INSERT INTO catalog_product_super_link (product_id, parent_id) VALUES (11, 10), (12, 10), (13, 10);
      -- Website 0: red +10, blue +12.5 %, L +3. Website 1 prices red at +20 (the rest falls back).
      INSERT INTO catalog_product_super_attribute_pricing (product_super_attribute_id, value_index, is_percent,
          pricing_value, website_id) VALUES
        (1, '5', 0, 10, 0), (1, '6', 1, 12.5, 0), (2, '8', 0, 3, 0), (1, '5', 0, 20, 1);
      INSERT INTO catalog_product_entity_tier_price (value_id, entity_id, all_groups, customer_group_id, qty, value,
          website_id) VALUES
        (1, 20, 1, 0, 1, 9, 0), (2, 20, 1, 0, 5, 8, 0), (3, 20, 0, 2, 10, 7.5, 1);
      -- Magento 1 EE's is_percent (bundle group prices are percentages).
      ALTER TABLE catalog_product_entity_group_price ADD COLUMN is_percent smallint unsigned NOT NULL DEFAULT 0;
      INSERT INTO catalog_product_entity_group_price (value_id, entity_id, all_groups, customer_group_id, value,
          website_id, is_percent) VALUES
        (1, 20, 1, 0, 8.5, 0, 0), (2, 20, 0, 1, 9.5, 1, 0), (3, 20, 0, 3, 10, 0, 1);
    )");
    directory_ = makeTempDir("m2stage-prices");
    stage_ = directory_ / "shop.m2stage";
    auto shipped = sourceDir() / "schema" / "maps" / "ce-1.9-to-2.4";
    writeConfig(kSteps, (shipped / "map.xml").string());
  }
  void TearDown() override {
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
  }

  void writeConfig(const std::string& steps, const std::string& map) {
    test::writeConfig(directory_, "prices_m1", "prices_m2", "<map_file>" + map + "</map_file>", steps);
  }

  static MariaDbServer& server() { return MariaDbServer::instance(); }
  CommandResult m2stage(const std::string& command, const std::string& extra = "") {
    return runM2stage(command + " " + (directory_ / "config.xml").string() + " --stage " + stage_.string() + " -a " + extra);
  }
  Rows rows(const std::string& sql) { return server().connect("prices_m2")->query(sql); }
  std::string stageValue(const std::string& sql) {
    SQLite::Database stage(stage_.string());
    SQLite::Statement query(stage, sql);
    return query.executeStep() ? query.getColumn(0).getString() : "";
  }

  std::filesystem::path directory_, stage_;
};

TEST(ConfigurableChildPriceTest, AddsFixedAmountsAndTruncatedPercentagesOfTheParentPrice) {
  EXPECT_EQ(ConfigurablePricesStep::childPrice("100.0000", {}), "100.0000");
  EXPECT_EQ(ConfigurablePricesStep::childPrice("100.0000", {{"10.0000", false}, {"3", false}}), "113.0000");
  EXPECT_EQ(ConfigurablePricesStep::childPrice("90.0000", {{"12.5000", true}, {"3.0000", false}}), "104.2500");
  // 19.99 x 3.3333 % = 0.666326...: truncated to 4 places, as upstream's TRUNCATE(..., 4).
  EXPECT_EQ(ConfigurablePricesStep::childPrice("19.99", {{"3.3333", true}, {"-5", false}}), "15.6563");
  EXPECT_EQ(ConfigurablePricesStep::childPrice("10", {{"-150", true}}), "-5.0000");
  EXPECT_EQ(ConfigurablePricesStep::childPrice("abc", {}), std::nullopt);
  EXPECT_EQ(ConfigurablePricesStep::childPrice("10", {{"1e3", false}}), std::nullopt);
}

TEST_F(PriceStepsTest, TierAndGroupPricesAndConfigurableChildPricesArriveInMagento2) {
  // Magento 2 holds a tier price of its own: the step replaces the table, as upstream.
  server().runSql("prices_m2", "INSERT INTO catalog_product_entity_tier_price (entity_id, all_groups, customer_group_id, "
                               "qty, value, website_id) VALUES (99, 1, 0, 1, 1, 0)");
  auto extracted = m2stage("extract");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  auto transformed = m2stage("transform");
  ASSERT_EQ(transformed.exitCode, 0) << transformed.output;
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;

  // Tier prices: Magento 1's three, the group prices as qty-1 tier prices; the group price of
  // (20, all groups, website 0) replaced the qty-1 tier price 9 (upsert on the unique key), and the
  // percentage group price is a percentage in Magento 2.
  EXPECT_EQ(rows("SELECT entity_id, all_groups, customer_group_id, qty, value, website_id, percentage_value "
                 "FROM catalog_product_entity_tier_price ORDER BY website_id, customer_group_id, qty"),
            (Rows{{"20", "1", "0", "1.0000", "8.500000", "0", std::nullopt},
                  {"20", "1", "0", "5.0000", "8.000000", "0", std::nullopt},
                  {"20", "0", "3", "1.0000", "0.000000", "0", "10.00"},
                  {"20", "0", "1", "1.0000", "9.500000", "1", std::nullopt},
                  {"20", "0", "2", "10.0000", "7.500000", "1", std::nullopt}}));
  EXPECT_EQ(stageValue("SELECT message FROM finding WHERE kind = 'tier_price_replaced'").find(
                "1 group prices replace a qty-1 tier price"),
            0u);
  EXPECT_NE(stageValue("SELECT message FROM finding WHERE kind = 'tier_price_replaced'").find(
                "entity_id 20 customer_group_id 0 all_groups 1 website_id 0: tier price 9.0000 -> group price 8.5000"),
            std::string::npos);
  // The step owns the documents: transform left them to it.
  EXPECT_EQ(stageValue("SELECT detail FROM document WHERE step = 'transform' AND document = "
                       "'catalog_product_entity_group_price'"),
            "3 rows moved by the TierPrice step at load");

  // Child prices: parent price (per store) plus the options' amounts; website 1's pricing for its
  // stores 1 and 2, website 0's for store 0 and for the options website 1 does not price.
  EXPECT_EQ(rows("SELECT entity_id, store_id, value FROM catalog_product_entity_decimal WHERE attribute_id = 75 AND "
                 "entity_id BETWEEN 11 AND 13 ORDER BY entity_id, store_id"),
            (Rows{{"11", "0", "110.000000"}, {"11", "1", "120.000000"}, {"11", "2", "110.000000"},
                  {"12", "0", "115.500000"}, {"12", "1", "115.500000"}, {"12", "2", "104.250000"},
                  {"13", "0", "113.000000"}, {"13", "1", "123.000000"}, {"13", "2", "113.000000"}}));
  // The parent and the other product keep their prices.
  EXPECT_EQ(rows("SELECT entity_id, store_id, value FROM catalog_product_entity_decimal WHERE attribute_id = 75 AND "
                 "entity_id IN (10, 20) ORDER BY entity_id, store_id"),
            (Rows{{"10", "0", "100.000000"}, {"10", "2", "90.000000"}, {"20", "0", "12.000000"}}));

  EXPECT_EQ(stageValue("SELECT COUNT(*) FROM finding WHERE kind IN ('volume_mismatch', 'content_mismatch')"), "0");
  EXPECT_EQ(stageValue("SELECT rows FROM audit WHERE event = 'load.tier_price'"), "5");
  EXPECT_EQ(stageValue("SELECT rows FROM audit WHERE event = 'load.configurable_prices'"), "9");

  // A later check knows that ConfigurablePrices rewrote child prices after load.
  auto verified = m2stage("load", "--verify-only");
  EXPECT_EQ(verified.exitCode, 0) << verified.output;
  EXPECT_NE(verified.output.find("not compared: changed after load by ConfigurablePrices 9 rows"), std::string::npos)
      << verified.output;

  // A second load (already loaded) writes nothing again; the prices stay.
  auto again = m2stage("load");
  ASSERT_EQ(again.exitCode, 0) << again.output;
  EXPECT_EQ(rows("SELECT COUNT(*) FROM catalog_product_entity_tier_price")[0][0], "5");
  EXPECT_EQ(rows("SELECT value FROM catalog_product_entity_decimal WHERE attribute_id = 75 AND entity_id = 12 AND "
                 "store_id = 2")[0][0],
            "104.250000");
}

TEST_F(PriceStepsTest, AStepListWithoutThePriceStepsLeavesThePricesAlone) {
  writeConfig("  <steps mode=\"data\">\n    <step title=\"Map Step\"><integrity>Migration\\Step\\Map\\Integrity"
              "</integrity><data>Migration\\Step\\Map\\Data</data></step>\n  </steps>\n",
              (sourceDir() / "schema" / "maps" / "ce-1.9-to-2.4" / "map.xml").string());
  for (const char* command : {"extract", "transform", "load"}) {
    auto result = m2stage(command);
    ASSERT_EQ(result.exitCode, 0) << command << ": " << result.output;
  }
  EXPECT_EQ(rows("SELECT COUNT(*) FROM catalog_product_entity_tier_price")[0][0], "0");
  EXPECT_EQ(rows("SELECT value FROM catalog_product_entity_decimal WHERE attribute_id = 75 AND entity_id = 11 AND "
                 "store_id = 0")[0][0],
            "1.000000");
  EXPECT_EQ(stageValue("SELECT COUNT(*) FROM audit WHERE event IN ('load.tier_price', 'load.configurable_prices')"), "0");
}

}  // namespace
}  // namespace m2stage::test
