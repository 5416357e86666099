// The SalesIncrement and OrderGrids steps through extract -> transform -> load (and a delta pass):
// a small Magento 1 with two store views, orders, addresses, payments, an invoice and
// eav_entity_store rows (tables from the stock 1.9.2.4 schema), into the 2.4.8 schema under the
// shipped map.xml. The sequence tables continue after Magento 1's last numbers, meta and profile
// rows exist, a duplicate increment id is a finding, the grids are rebuilt from the loaded sales
// tables, and a delta pass refreshes the grid row of a changed order.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

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

const std::vector<std::string> kM1Tables = {"core_store",         "eav_entity_type",          "eav_entity_store",
                                            "sales_flat_order",   "sales_flat_order_address", "sales_flat_order_payment",
                                            "sales_flat_invoice"};
const std::vector<std::string> kM2Tables = {"sales_order",        "sales_order_address",    "sales_order_payment",
                                            "sales_invoice",      "sales_order_grid",       "sales_invoice_grid",
                                            "sales_sequence_meta", "sales_sequence_profile", "eav_entity_store"};

constexpr const char* kDeltalog = R"XML(<?xml version="1.0"?>
<groups>
  <group name="delta_map">
    <document key="entity_id">sales_flat_order</document>
    <document key="entity_id">sales_flat_order_address</document>
    <document key="entity_id">sales_flat_order_payment</document>
    <document key="entity_id">sales_flat_invoice</document>
  </group>
  <group name="delta_sales_sequence">
    <document key="entity_store_id">eav_entity_store</document>
  </group>
</groups>
)XML";

class SalesStepsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    M2STAGE_REQUIRE_SHARED_FIXTURES();
    server().createDatabase("sales_m1");
    server().createDatabase("sales_m2");
    server().runSql("sales_m1", tablesFromDump(sharedFixtures() / "magento1" / "ce-1.9.2.4.sql", kM1Tables));
    server().runSql("sales_m2", tablesFromDump(sharedFixtures() / "magento2" / "2.4.8-p1-schema.sql", kM2Tables));
    server().runSql("sales_m1", R"(
      SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO';
      -- Stock 1.9 keys increment_id; stores whose import tools dropped the key hold duplicates.
      ALTER TABLE sales_flat_order DROP INDEX UNQ_SALES_FLAT_ORDER_INCREMENT_ID;
      INSERT INTO core_store (store_id, code, website_id, group_id, name, sort_order, is_active) VALUES
        (0, 'admin', 0, 0, 'Admin', 0, 1), (1, 'default', 1, 1, 'Default Store View', 0, 1),
        (2, 'french', 1, 1, 'French', 1, 1);
      INSERT INTO eav_entity_type (entity_type_id, entity_type_code, entity_model, increment_per_store) VALUES
        (5, 'order', 'sales/order', 1), (6, 'invoice', 'sales/order_invoice', 1),
        (7, 'creditmemo', 'sales/order_creditmemo', 1), (8, 'shipment', 'sales/order_shipment', 1);
      INSERT INTO eav_entity_store (entity_store_id, entity_type_id, store_id, increment_prefix, increment_last_id) VALUES
        (1, 5, 1, '1', '100000003'), (2, 5, 2, '2', '200000005'), (3, 6, 1, '1', '100000001');
      INSERT INTO sales_flat_order (entity_id, state, status, store_id, store_name, customer_id, customer_email,
          customer_firstname, customer_lastname, customer_group_id, base_grand_total, grand_total, base_total_paid,
          total_paid, increment_id, base_currency_code, order_currency_code, base_subtotal, base_shipping_amount,
          shipping_description, created_at, updated_at) VALUES
        (1, 'processing', 'processing', 1, 'Main Website\nMain Store\nDefault Store View', 7, 'ann@example.com', 'Ann',
         'Lee', 1, 25.5, 25.5, 25.5, 25.5, '100000001', 'EUR', 'EUR', 20, 5.5, 'Flat Rate - Fixed',
         '2016-01-02 03:04:05', '2016-01-02 03:04:05'),
        (2, 'new', 'pending', 1, 'Default Store View', NULL, 'bob@example.com', 'Bob', 'Roe', 0, 10, 10, NULL, NULL,
         '100000002', 'EUR', 'EUR', 10, 0, NULL, '2016-01-03 03:04:05', '2016-01-03 03:04:05'),
        (3, 'new', 'pending', 1, 'Default Store View', NULL, 'cy@example.com', 'Cy', 'Poe', 0, 12, 12, NULL, NULL,
         '100000002', 'EUR', 'EUR', 12, 0, NULL, '2016-01-04 03:04:05', '2016-01-04 03:04:05'),
        (4, 'complete', 'complete', 2, 'French', 9, 'di@example.com', 'Di', 'Moe', 1, 40, 44, 40, 44, '200000005',
         'EUR', 'USD', 35, 5, 'Flat Rate - Fixed', '2016-01-05 03:04:05', '2016-01-05 03:04:05');
      INSERT INTO sales_flat_order_address (entity_id, parent_id, address_type, firstname, lastname, street, city, region,
          postcode, country_id) VALUES
        (1, 1, 'billing', 'Ann', 'Lee', 'Main St 1', 'Berlin', 'Berlin', '10115', 'DE'),
        (2, 1, 'shipping', 'Anna', 'Lee', 'Dock 2', 'Hamburg', 'Hamburg', '20095', 'DE'),
        (3, 2, 'billing', 'Bob', 'Roe', 'Rue 2', 'Paris', NULL, '75001', 'FR');
      INSERT INTO sales_flat_order_payment (entity_id, parent_id, method) VALUES
        (1, 1, 'checkmo'), (2, 2, 'paypal_standard'), (3, 4, 'checkmo');
      INSERT INTO sales_flat_invoice (entity_id, store_id, order_id, increment_id, state, grand_total, base_grand_total,
          subtotal, shipping_amount, billing_address_id, shipping_address_id, created_at, updated_at) VALUES
        (1, 1, 1, '100000001', 2, 25.5, 25.5, 20, 5.5, 1, 2, '2016-01-02 04:04:05', '2016-01-02 04:04:05');
    )");
    directory_ = makeTempDir("m2stage-sales");
    stage_ = directory_ / "shop.m2stage";
    std::ofstream(directory_ / "deltalog.xml") << kDeltalog;
    auto shipped = sourceDir() / "schema" / "maps" / "ce-1.9-to-2.4";
    writeConfig(directory_, "sales_m1", "sales_m2",
                "<map_file>" + (shipped / "map.xml").string() +
                    "</map_file><delta_document_groups_file>deltalog.xml</delta_document_groups_file>"
                    "<order_grids_document_groups_file>" +
                    (shipped / "order-grids-document-groups.xml").string() + "</order_grids_document_groups_file>",
                stepsXml("data", {officialStep("Map Step", "Map", {"Integrity", "Data", "Volume"}),
                                  officialStep("OrderGrids Step", "OrderGrids", {"Integrity", "Data", "Volume"}),
                                  officialStep("SalesIncrement Step", "SalesIncrement", {"Integrity", "Data", "Volume"})}) +
                    stepsXml("delta", {officialStep("Map Step", "Map", {"Delta", "Volume"}),
                                       officialStep("OrderGrids Step", "OrderGrids", {"Delta", "Volume"}),
                                       officialStep("SalesIncrement Step", "SalesIncrement", {"Delta", "Volume"})}));
  }
  void TearDown() override {
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
  }

  static MariaDbServer& server() { return MariaDbServer::instance(); }
  CommandResult m2stage(const std::string& command, const std::string& extra = "") {
    return runM2stage(command + " " + (directory_ / "config.xml").string() + " --stage " + stage_.string() + " -a " + extra);
  }
  Rows rows(const std::string& sql) { return server().connect("sales_m2")->query(sql); }

  std::filesystem::path directory_, stage_;
};

TEST_F(SalesStepsTest, SequencesContinueAfterMagento1AndGridsAreRebuilt) {
  auto extracted = m2stage("extract");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  auto transformed = m2stage("transform");
  ASSERT_EQ(transformed.exitCode, 0) << transformed.output;
  EXPECT_NE(transformed.output.find("1 increment ids Magento 1 holds twice"), std::string::npos) << transformed.output;
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;

  // The duplicate: a finding naming the document, the increment id and the rows, before load.
  {
    SQLite::Database stage(stage_.string());
    SQLite::Statement duplicates(stage, "SELECT step, document, message FROM finding WHERE kind = 'duplicate_increment_id'");
    ASSERT_TRUE(duplicates.executeStep());
    EXPECT_EQ(duplicates.getColumn(0).getString(), "transform");
    EXPECT_EQ(duplicates.getColumn(1).getString(), "sales_flat_order");
    EXPECT_NE(duplicates.getColumn(2).getString().find("increment_id 100000002 of store 1 is used by 2 rows (entity_id 2, 3)"),
              std::string::npos)
        << duplicates.getColumn(2).getString();
    EXPECT_FALSE(duplicates.executeStep());

    // Sequences: 4 types x 3 stores (0 included); the next number follows Magento 1's last one, as
    // Magento 2 takes it (insert, read the auto-increment value back).
    EXPECT_EQ(rows("SELECT COUNT(*) FROM sales_sequence_meta")[0][0], "12");
    EXPECT_EQ(rows("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'sales_m2' AND TABLE_NAME LIKE "
                   "'sequence\\_%'")[0][0],
              "12");
    auto next = [&](const std::string& table) {
      auto connection = server().connect("sales_m2");
      connection->execute("INSERT INTO `" + table + "` () VALUES ()");
      return connection->queryValue("SELECT LAST_INSERT_ID()").value_or("");
    };
    EXPECT_EQ(next("sequence_order_1"), "4");  // 100000003 -> Magento 2's 1000000004
    EXPECT_EQ(next("sequence_order_2"), "6");
    EXPECT_EQ(next("sequence_order_0"), "1");
    EXPECT_EQ(next("sequence_invoice_1"), "2");
    EXPECT_EQ(next("sequence_shipment_2"), "1");
    EXPECT_EQ(rows("SELECT m.entity_type, m.store_id, m.sequence_table, p.prefix, p.suffix, p.start_value, p.step, "
                   "p.max_value, p.warning_value, p.is_active FROM sales_sequence_meta m JOIN sales_sequence_profile p "
                   "USING (meta_id) WHERE m.entity_type = 'order' ORDER BY m.store_id"),
              (Rows{{"order", "0", "sequence_order_0", "0", std::nullopt, "1", "1", "4294967295", "4294966295", "1"},
                    {"order", "1", "sequence_order_1", "1", std::nullopt, "1", "1", "4294967295", "4294966295", "1"},
                    {"order", "2", "sequence_order_2", "2", std::nullopt, "1", "1", "4294967295", "4294966295", "1"}}));

    // Order grid: every loaded order (the duplicate was skipped under --auto), with names,
    // addresses, totals, status and payment method from the Magento 2 sales tables.
    EXPECT_EQ(rows("SELECT COUNT(*) FROM sales_order")[0][0], "3");
    EXPECT_EQ(rows("SELECT entity_id, increment_id, status, store_id, customer_name, billing_name, shipping_name, "
                   "billing_address, grand_total, base_grand_total, total_paid, subtotal, shipping_and_handling, "
                   "payment_method, customer_group, shipping_information, order_currency_code "
                   "FROM sales_order_grid ORDER BY entity_id"),
              (Rows{{"1", "100000001", "processing", "1", "Ann Lee", "Ann Lee", "Anna Lee", "Main St 1, Berlin, Berlin, 10115",
                     "25.5000", "25.5000", "25.5000", "20.0000", "5.5000", "checkmo", "1", "Flat Rate - Fixed", "EUR"},
                    {"2", "100000002", "pending", "1", "Bob Roe", "Bob Roe", "", "Rue 2, Paris, , 75001", "10.0000",
                     "10.0000", std::nullopt, "10.0000", "0.0000", "paypal_express", "0", std::nullopt, "EUR"},
                    {"4", "200000005", "complete", "2", "Di Moe", "", "", ", , ,", "44.0000", "40.0000", "44.0000",
                     "35.0000", "5.0000", "checkmo", "1", "Flat Rate - Fixed", "USD"}}));
    EXPECT_EQ(rows("SELECT entity_id, increment_id, order_increment_id, customer_name, billing_name, grand_total, "
                   "payment_method, store_id FROM sales_invoice_grid"),
              (Rows{{"1", "100000001", "100000001", "Ann Lee", "Ann Lee", "25.5000", "checkmo", "1"}}));
    // No volume finding: each grid has one row per sales entity, each sequence its last value.
    SQLite::Statement mismatches(stage, "SELECT COUNT(*) FROM finding WHERE kind IN ('volume_mismatch', 'content_mismatch')");
    mismatches.executeStep();
    EXPECT_EQ(mismatches.getColumn(0).getInt64(), 0);
    SQLite::Statement audit(stage, "SELECT COUNT(*) FROM audit WHERE event IN ('load.order_grids', 'load.sales_increment')");
    audit.executeStep();
    EXPECT_EQ(audit.getColumn(0).getInt64(), 2);
  }  // the staging file is closed again: an open read would hold up the delta commands' writes

  // Delta: a changed order's grid row follows.
  server().runSql("sales_m1", "UPDATE sales_flat_order SET status = 'complete', grand_total = 30 WHERE entity_id = 1; "
                              "UPDATE sales_flat_order_address SET lastname = 'Lee-Smith' WHERE entity_id = 1;");
  auto delta = m2stage("extract", "--delta");
  ASSERT_EQ(delta.exitCode, 0) << delta.output;
  auto deltaLoad = m2stage("load", "--delta");
  ASSERT_EQ(deltaLoad.exitCode, 0) << deltaLoad.output;
  EXPECT_EQ(rows("SELECT status, grand_total, billing_name FROM sales_order_grid WHERE entity_id = 1"),
            (Rows{{"complete", "30.0000", "Ann Lee-Smith"}}));
  EXPECT_EQ(rows("SELECT billing_name FROM sales_invoice_grid WHERE entity_id = 1"), (Rows{{"Ann Lee-Smith"}}));
  EXPECT_EQ(rows("SELECT status FROM sales_order_grid WHERE entity_id = 2"), (Rows{{"pending"}}));
}

// SalesIncrement\Delta and OrderGrids\Delta: an order Magento 1 takes after the full run raises
// its store's sequence and gets its grid row, even when the first load stopped after applying the
// run's rows but before those steps.
TEST_F(SalesStepsTest, DeltaRaisesSequencesAndRefreshesGridsEvenAfterAFailureBetween) {
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  server().runSql("sales_m1", R"(
    INSERT INTO sales_flat_order (entity_id, state, status, store_id, customer_email, customer_firstname,
        customer_lastname, base_grand_total, grand_total, increment_id, base_currency_code, order_currency_code,
        created_at, updated_at) VALUES
      (5, 'new', 'pending', 1, 'eve@example.com', 'Eve', 'Ng', 9, 9, '100000007', 'EUR', 'EUR', '2016-02-01 03:04:05',
       '2016-02-01 03:04:05');
    UPDATE eav_entity_store SET increment_last_id = '100000007' WHERE entity_store_id = 1;
  )");
  auto extracted = m2stage("extract", "--delta");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  // The grid refresh fails after the run's rows were applied (as a crash there would leave it).
  server().runSql("sales_m2", "CREATE TRIGGER grid_down BEFORE INSERT ON sales_order_grid FOR EACH ROW "
                              "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'grid down'");
  auto failed = m2stage("load", "--delta");
  EXPECT_NE(failed.exitCode, 0) << failed.output;
  EXPECT_EQ(rows("SELECT increment_id FROM sales_order WHERE entity_id = 5"), (Rows{{"100000007"}}));
  EXPECT_EQ(rows("SELECT COUNT(*) FROM sales_order_grid WHERE entity_id = 5"), (Rows{{"0"}}));

  // Run again: the run is not counted as loaded yet, so its grid rows and sequences follow.
  server().runSql("sales_m2", "DROP TRIGGER grid_down");
  auto applied = m2stage("load", "--delta");
  ASSERT_EQ(applied.exitCode, 0) << applied.output;
  EXPECT_EQ(rows("SELECT MAX(sequence_value) FROM sequence_order_1"), (Rows{{"7"}}));
  EXPECT_EQ(rows("SELECT MAX(sequence_value) FROM sequence_order_2"), (Rows{{"5"}}));  // untouched
  EXPECT_EQ(rows("SELECT increment_id, status, store_id FROM sales_order_grid WHERE entity_id = 5"),
            (Rows{{"100000007", "pending", "1"}}));

  // Loading the full run again (already loaded) runs none of its steps again: the sequence that
  // delta raised is not put back to the full run's number.
  auto reloaded = m2stage("load");
  ASSERT_EQ(reloaded.exitCode, 0) << reloaded.output;
  EXPECT_EQ(rows("SELECT MAX(sequence_value) FROM sequence_order_1"), (Rows{{"7"}}));
}

// A delta run that changed Magento 1's counters cannot be raised without the full run's
// eav_entity_type (pruned): load --delta stops (exit 5) instead of letting Magento 2 reuse numbers.
TEST_F(SalesStepsTest, DeltaStopsWhenTheFullRunsLookupsArePruned) {
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  ASSERT_EQ(m2stage("load").exitCode, 0);
  server().runSql("sales_m1", "UPDATE eav_entity_store SET increment_last_id = '100000009' WHERE entity_store_id = 1");
  ASSERT_EQ(m2stage("extract", "--delta").exitCode, 0);
  auto pruned = runM2stage("prune --stage " + stage_.string() + " --before 2");
  ASSERT_EQ(pruned.exitCode, 0) << pruned.output;
  auto applied = m2stage("load", "--delta");
  EXPECT_EQ(applied.exitCode, 5) << applied.output;
  EXPECT_NE(applied.output.find("the sequences cannot be raised"), std::string::npos) << applied.output;
  EXPECT_EQ(rows("SELECT MAX(sequence_value) FROM sequence_order_1"), (Rows{{"3"}}));
}

TEST_F(SalesStepsTest, WithoutTheStepsInTheListNothingIsCreated) {
  std::ifstream in(directory_ / "config.xml");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  for (const char* title : {"    <step title=\"OrderGrids Step\"><integrity>", "    <step title=\"SalesIncrement Step\">"}) {
    auto start = text.find(title);
    text.erase(start, text.find("\n", start) + 1 - start);
  }
  std::ofstream(directory_ / "config.xml") << text;
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_EQ(rows("SELECT COUNT(*) FROM sales_order")[0][0], "3");
  EXPECT_EQ(rows("SELECT COUNT(*) FROM sales_order_grid")[0][0], "0");
  EXPECT_EQ(rows("SELECT COUNT(*) FROM sales_sequence_meta")[0][0], "0");
}

}  // namespace
}  // namespace m2stage::test
