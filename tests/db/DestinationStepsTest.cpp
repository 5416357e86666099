// The Inventory and PostProcessing steps through extract -> transform -> load (and a delta pass):
// a small Magento 1 catalog (two products with stock items, EAV values, category links) and a
// shipment, tables from the stock 1.9.2.4 schema, into the 2.4.8 schema under the shipped
// map.xml, with Magento 2's EAV metadata and MSI source seeded as a Magento 2 install has them.
// Inventory fills the MSI tables from the migrated rows; PostProcessing deletes the values of a
// gone attribute and of an attribute outside the product's set, the links to the root category
// and the url_path values, and moves a multiselect value from _text to _varchar.
#include <gtest/gtest.h>

#include <fstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/SchemaDump.hpp"
#include "support/StepListXml.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using Rows = std::vector<mariadb::Row>;

const std::vector<std::string> kM1Tables = {
    "catalog_product_entity", "catalog_product_entity_int", "catalog_product_entity_text",
    "catalog_product_entity_varchar", "catalog_category_product", "cataloginventory_stock_item", "sales_flat_shipment",
    "eav_attribute", "eav_entity_type", "core_config_data"};
const std::vector<std::string> kM2Tables = {
    "catalog_product_entity", "catalog_product_entity_int", "catalog_product_entity_text",
    "catalog_product_entity_varchar", "catalog_category_product", "cataloginventory_stock_item", "sales_shipment",
    "eav_attribute", "eav_entity_type", "eav_entity_attribute", "store_website", "inventory_source",
    "inventory_source_item", "inventory_stock_sales_channel", "inventory_shipment_source"};

constexpr const char* kDeltalog = R"XML(<?xml version="1.0"?>
<groups>
  <group name="delta_inventory">
    <document key="item_id">cataloginventory_stock_item</document>
  </group>
</groups>
)XML";

// Product attributes: 71 name, 75 description, 100 color (multiselect), 101 url_path, 102 status,
// 103 legacy (not in set 4); Magento 1 also has 999 gone, which Magento 2 does not.
constexpr const char* kAttributes = R"(
  (71, 4, 'name', 'varchar', 'text'), (75, 4, 'description', 'text', 'textarea'),
  (100, 4, 'color', 'text', 'multiselect'), (101, 4, 'url_path', 'varchar', 'text'),
  (102, 4, 'status', 'int', 'select'), (103, 4, 'legacy', 'int', 'select'))";

class DestinationStepsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    M2STAGE_REQUIRE_SHARED_FIXTURES();
    server().createDatabase("dest_m1");
    server().createDatabase("dest_m2");
    server().runSql("dest_m1", tablesFromDump(sharedFixtures() / "magento1" / "ce-1.9.2.4.sql", kM1Tables));
    server().runSql("dest_m2", tablesFromDump(sharedFixtures() / "magento2" / "2.4.8-p1-schema.sql", kM2Tables));
    server().runSql("dest_m1", fmt::format(R"(
      SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO';
      INSERT INTO eav_entity_type (entity_type_id, entity_type_code, entity_model) VALUES (4, 'catalog_product', 'catalog/product');
      INSERT INTO eav_attribute (attribute_id, entity_type_id, attribute_code, backend_type, frontend_input) VALUES {},
        (999, 4, 'gone', 'varchar', 'text');
      INSERT INTO catalog_product_entity (entity_id, entity_type_id, attribute_set_id, type_id, sku) VALUES
        (1, 4, 4, 'simple', 'shirt'), (2, 4, 4, 'simple', 'mug');
      INSERT INTO catalog_product_entity_varchar (value_id, entity_type_id, attribute_id, store_id, entity_id, value) VALUES
        (1, 4, 71, 0, 1, 'Shirt'), (2, 4, 101, 0, 1, 'shirt'), (3, 4, 999, 0, 1, 'left over'), (4, 4, 71, 0, 2, 'Mug');
      INSERT INTO catalog_product_entity_text (value_id, entity_type_id, attribute_id, store_id, entity_id, value) VALUES
        (1, 4, 100, 0, 1, '5,6'), (2, 4, 75, 0, 1, 'A soft shirt');
      INSERT INTO catalog_product_entity_int (value_id, entity_type_id, attribute_id, store_id, entity_id, value) VALUES
        (1, 4, 102, 0, 1, 1), (2, 4, 103, 0, 1, 7);
      INSERT INTO catalog_category_product (category_id, product_id, position) VALUES (1, 1, 0), (3, 1, 2), (1, 2, 0);
      INSERT INTO cataloginventory_stock_item (item_id, product_id, stock_id, qty, is_in_stock) VALUES
        (1, 1, 1, 12, 1), (2, 2, 1, 0, 0);
      INSERT INTO sales_flat_shipment (entity_id, store_id, order_id, increment_id) VALUES (1, 1, 1, '100000001');
    )",
                                           kAttributes));
    server().runSql("dest_m2", fmt::format(R"(
      SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO';
      INSERT INTO eav_entity_type (entity_type_id, entity_type_code, entity_model) VALUES (4, 'catalog_product', 'x');
      INSERT INTO eav_attribute (attribute_id, entity_type_id, attribute_code, backend_type, frontend_input) VALUES {};
      INSERT INTO eav_entity_attribute (entity_type_id, attribute_set_id, attribute_group_id, attribute_id) VALUES
        (4, 4, 7, 71), (4, 4, 7, 75), (4, 4, 7, 100), (4, 4, 7, 101), (4, 4, 7, 102);
      INSERT INTO store_website (website_id, code, name, default_group_id, is_default) VALUES
        (0, 'admin', 'Admin', 0, 0), (1, 'base', 'Main Website', 1, 1);
      INSERT INTO inventory_source (source_code, name, country_id, postcode) VALUES ('default', 'Default Source', 'US', '00000');
    )",
                                           kAttributes));
    directory_ = makeTempDir("m2stage-destination-steps");
    stage_ = directory_ / "shop.m2stage";
    std::ofstream(directory_ / "deltalog.xml") << kDeltalog;
    auto shipped = sourceDir() / "schema" / "maps" / "ce-1.9-to-2.4";
    writeConfig(directory_, "dest_m1", "dest_m2",
                "<map_file>" + (shipped / "map.xml").string() +
                    "</map_file><delta_document_groups_file>deltalog.xml</delta_document_groups_file>",
                stepsXml("data", {officialStep("Map Step", "Map", {"Integrity", "Data", "Volume"}),
                                  officialStep("Inventory Step", "Inventory", {"Integrity", "Data", "Volume"}),
                                  officialStep("PostProcessing Step", "PostProcessing", {"Data"})}) +
                    stepsXml("delta", {officialStep("Map Step", "Map", {"Delta", "Volume"}),
                                       officialStep("Inventory Step", "Inventory", {"Delta", "Volume"})}));
  }
  void TearDown() override {
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
  }

  static MariaDbServer& server() { return MariaDbServer::instance(); }
  CommandResult m2stage(const std::string& command, const std::string& extra = "") {
    return runM2stage(command + " " + (directory_ / "config.xml").string() + " --stage " + stage_.string() + " -a " + extra);
  }
  Rows rows(const std::string& sql) { return server().connect("dest_m2")->query(sql); }
  // The audit events of `event`: rows and detail.
  std::vector<std::pair<std::int64_t, std::string>> audit(const std::string& event) {
    SQLite::Database stage(stage_.string());
    SQLite::Statement query(stage, "SELECT rows, detail FROM audit WHERE event = ? ORDER BY event_id");
    query.bind(1, event);
    std::vector<std::pair<std::int64_t, std::string>> events;
    while (query.executeStep()) events.emplace_back(query.getColumn(0).getInt64(), query.getColumn(1).getString());
    return events;
  }
  std::int64_t findings(const std::string& kind) {
    SQLite::Database stage(stage_.string());
    SQLite::Statement query(stage, "SELECT COUNT(*) FROM finding WHERE kind = ?");
    query.bind(1, kind);
    query.executeStep();
    return query.getColumn(0).getInt64();
  }

  std::filesystem::path directory_, stage_;
};

TEST_F(DestinationStepsTest, InventoryFillsMsiAndPostProcessingCleansUp) {
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;

  // Inventory: a source item per product with its stock item's qty and status, by sku.
  EXPECT_EQ(rows("SELECT source_code, sku, quantity, status FROM inventory_source_item ORDER BY sku"),
            (Rows{{"default", "mug", "0.0000", "0"}, {"default", "shirt", "12.0000", "1"}}));
  EXPECT_EQ(rows("SELECT type, code, stock_id FROM inventory_stock_sales_channel"), (Rows{{"website", "base", "1"}}));
  EXPECT_EQ(rows("SELECT shipment_id, source_code FROM inventory_shipment_source"), (Rows{{"1", "default"}}));
  EXPECT_EQ(findings("volume_mismatch"), 0);
  ASSERT_EQ(audit("load.inventory").size(), 1u);
  EXPECT_EQ(audit("load.inventory")[0].first, 2);

  // PostProcessing: the gone attribute's value is deleted and counted.
  EXPECT_EQ(rows("SELECT COUNT(*) FROM catalog_product_entity_varchar WHERE attribute_id = 999")[0][0], "0");
  EXPECT_EQ(audit("load.post_processing.eav_leftover_values"),
            (std::vector<std::pair<std::int64_t, std::string>>{{1, "catalog_product_entity_varchar 1"}}));
  // The value of an attribute outside set 4 is deleted; those in the set stay.
  EXPECT_EQ(rows("SELECT attribute_id, value FROM catalog_product_entity_int ORDER BY attribute_id"), (Rows{{"102", "1"}}));
  EXPECT_EQ(audit("load.post_processing.attribute_set_leftover_values"),
            (std::vector<std::pair<std::int64_t, std::string>>{{1, "catalog_product_entity_int 1"}}));
  // Links to the root category go, the others stay.
  EXPECT_EQ(rows("SELECT category_id, product_id, position FROM catalog_category_product"), (Rows{{"3", "1", "2"}}));
  EXPECT_EQ(audit("load.post_processing.products_in_root_category")[0].first, 2);
  // The multiselect value moves to _varchar with its value; the description stays in _text.
  EXPECT_EQ(rows("SELECT attribute_id, value FROM catalog_product_entity_text"), (Rows{{"75", "A soft shirt"}}));
  EXPECT_EQ(rows("SELECT store_id, entity_id, value FROM catalog_product_entity_varchar WHERE attribute_id = 100"),
            (Rows{{"0", "1", "5,6"}}));
  EXPECT_EQ(audit("load.post_processing.multiselect_text_to_varchar")[0].first, 1);
  // Every product url_path value is deleted; the names stay.
  EXPECT_EQ(rows("SELECT attribute_id, entity_id, value FROM catalog_product_entity_varchar WHERE attribute_id IN (71, 101) "
                 "ORDER BY entity_id"),
            (Rows{{"71", "1", "Shirt"}, {"71", "2", "Mug"}}));
  EXPECT_EQ(audit("load.post_processing.product_url_path")[0].first, 1);
  // The load log names each clean-up with its count.
  EXPECT_NE(loaded.output.find("PostProcessing: eav_leftover_values: 1 rows"), std::string::npos) << loaded.output;
  EXPECT_NE(loaded.output.find("PostProcessing: multiselect_text_to_varchar: 1 rows"), std::string::npos) << loaded.output;
  // A later check knows which tables PostProcessing changed on purpose: it says so and passes,
  // and still compares the others.
  auto verified = m2stage("load", "--verify-only");
  EXPECT_EQ(verified.exitCode, 0) << verified.output;
  EXPECT_NE(verified.output.find("not compared: changed after load by PostProcessing"), std::string::npos)
      << verified.output;
  EXPECT_NE(verified.output.find("catalog_category_product"), std::string::npos) << verified.output;

  // Delta: a changed stock item's source item follows.
  server().runSql("dest_m1", "UPDATE cataloginventory_stock_item SET qty = 7, is_in_stock = 1 WHERE product_id = 2");
  auto delta = m2stage("extract", "--delta");
  ASSERT_EQ(delta.exitCode, 0) << delta.output;
  auto deltaLoad = m2stage("load", "--delta");
  ASSERT_EQ(deltaLoad.exitCode, 0) << deltaLoad.output;
  EXPECT_EQ(rows("SELECT source_code, sku, quantity, status FROM inventory_source_item ORDER BY sku"),
            (Rows{{"default", "mug", "7.0000", "1"}, {"default", "shirt", "12.0000", "1"}}));
  ASSERT_EQ(audit("load.inventory.refresh").size(), 1u);
  EXPECT_EQ(audit("load.inventory.refresh")[0].first, 1);
}

TEST_F(DestinationStepsTest, ASourceItemCountThatDiffersIsAVolumeMismatch) {
  // A source item of another source: Magento 2 then has more source items than stock items.
  server().runSql("dest_m2", "INSERT INTO inventory_source (source_code, name, country_id, postcode) VALUES "
                             "('shop', 'Shop', 'US', '1'); INSERT INTO inventory_source_item (source_code, sku, quantity, "
                             "status) VALUES ('shop', 'shirt', 3, 1)");
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  auto loaded = m2stage("load");
  EXPECT_EQ(loaded.exitCode, 6) << loaded.output;
  EXPECT_NE(loaded.output.find("Mismatch of entities in the document: inventory_source_item Source: 2 Destination: 3"),
            std::string::npos)
      << loaded.output;
  EXPECT_EQ(findings("volume_mismatch"), 1);
  // The default source is taken, not the first code in order.
  EXPECT_EQ(rows("SELECT COUNT(*) FROM inventory_source_item WHERE source_code = 'default'")[0][0], "2");
}

TEST_F(DestinationStepsTest, WithoutMsiTablesInventoryLeavesMagento2Alone) {
  server().runSql("dest_m2", "DROP TABLE inventory_source_item, inventory_source, inventory_stock_sales_channel, "
                             "inventory_shipment_source");
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_NE(loaded.output.find("Magento 2 has no inventory_source_item (Multi-Source Inventory is not installed)"),
            std::string::npos)
      << loaded.output;
  EXPECT_EQ(rows("SELECT product_id, qty, is_in_stock, website_id FROM cataloginventory_stock_item ORDER BY product_id"),
            (Rows{{"1", "12.0000", "1", "0"}, {"2", "0.0000", "0", "0"}}));
}

}  // namespace
}  // namespace m2stage::test
