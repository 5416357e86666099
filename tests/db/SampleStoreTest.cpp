// The sample store end to end: the generated scale-1 Magento 1 store and sample/m2-schema.sql in
// the private server, the m2stage binary with sample/config.xml (every data step m2stage covers:
// EAV, Customer, Map, Url Rewrite, ConfigurablePrices, OrderGrids, TierPrice, SalesIncrement,
// Inventory and PostProcessing, with sample/map.xml, sample/deltalog.xml and the shipped step
// files). The integrity checks pass without --auto, nothing warns, Magento 2 gets every row, and
// the special steps leave Magento 2 values: merged attribute sets, customers' static attributes in
// their columns, URL rewrites for every product, complete grids, sequences after Magento 1's
// numbers, tier and group prices, configurable children's prices, MSI source items, no url_path.
// Then the delta steps (Customer, Map, OrderGrids, SalesIncrement, Inventory) carry a live
// store's changes.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <regex>

#include <SQLiteCpp/Database.h>

#include <fmt/format.h>

#include "sample/Products.hpp"
#include "sample/StoreGenerator.hpp"
#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

class SampleStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = makeTempDir("m2stage-sample");
    auto dump = directory_ / "magento1.sql";
    {
      std::ofstream out(dump, std::ios::binary);
      sample::StoreGenerator({1, 1, true}).writeSql(out);
    }
    server().createDatabase("sample_m1", dump);
    server().createDatabase("sample_m2", sourceDir() / "sample" / "m2-schema.sql");
    config_ = writeSampleConfig();
    stage_ = directory_ / "shop.m2stage";
  }

  // sample/config.xml (as scripts/demo uses it) with this server's databases and its files made
  // absolute: they are relative to sample/, and the copy lives in the test's directory.
  std::filesystem::path writeSampleConfig() const {
    auto sample = sourceDir() / "sample";
    std::ifstream in(sample / "config.xml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text = std::regex_replace(text, std::regex("host=\"localhost\" name=\"magento([12])\""),
                              "host=\"" + server().socket().string() + "\" name=\"sample_m$1\"");
    text = std::regex_replace(text, std::regex("<([a-z_]+)>([^<>/][^<>]*\\.xml)</\\1>"), "<$1>" + sample.string() + "/$2</$1>");
    auto path = directory_ / "config.xml";
    std::ofstream(path) << text;
    return path;
  }

  // extract, transform, load as a user runs them: each must succeed without an error or a
  // warning (extract installs change capture over sample/deltalog.xml).
  void migrate() {
    for (const std::string command : {"extract", "transform", "load"}) run(command);
  }
  // One m2stage command (with its options) that must succeed without an error or a warning.
  void run(const std::string& command) {
    auto result = m2stage(command);
    ASSERT_EQ(result.exitCode, 0) << command << ":\n" << result.output;
    EXPECT_EQ(result.output.find("[ERROR]"), std::string::npos) << command << ":\n" << result.output;
    EXPECT_EQ(result.output.find("[WARNING]"), std::string::npos) << command << ":\n" << result.output;
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  static MariaDbServer& server() { return MariaDbServer::instance(); }
  CommandResult m2stage(const std::string& command) {
    return runM2stage(command + " " + config_.string() + " --stage " + stage_.string());
  }
  std::vector<mariadb::Row> rows(const std::string& database, const std::string& sql) {
    return server().connect(database)->query(sql);
  }
  std::string value(const std::string& database, const std::string& sql) {
    auto result = rows(database, sql);
    return result.empty() || !result[0][0] ? "<none>" : *result[0][0];
  }

  std::filesystem::path directory_, config_, stage_;
};

TEST_F(SampleStoreTest, MovesTheWholeStoreWithoutAuto) {
  migrate();

  // Magento 2 table <- Magento 1 table: same row count. Not here, because a step changes the
  // count: eav_attribute (the EAV step adds Magento 2's own attributes), the customer value tables
  // (the Customer step moves static attributes into customer_entity columns), url_rewrite (CMS
  // page rewrites added), see SpecialStepsLeaveMagento2Values; the tier prices (group prices
  // added), the product decimal and varchar values (ConfigurablePrices adds children's prices,
  // PostProcessing removes url_path), see PriceInventoryAndPostProcessingStepsLeaveMagento2Values. The grids are rebuilt by OrderGrids
  // from the sales tables, so they still have Magento 1's counts.
  const std::map<std::string, std::string> moved = {
      {"store_website", "core_website"}, {"store_group", "core_store_group"}, {"store", "core_store"},
      {"core_config_data", "core_config_data"}, {"eav_entity_store", "eav_entity_store"},
      {"eav_attribute_set", "eav_attribute_set"}, {"customer_entity", "customer_entity"},
      {"customer_address_entity", "customer_address_entity"}, {"cms_page", "cms_page"}, {"cms_page_store", "cms_page_store"},
      {"catalog_category_entity", "catalog_category_entity"}, {"catalog_category_product", "catalog_category_product"},
      {"catalog_product_entity", "catalog_product_entity"}, {"catalog_product_entity_text", "catalog_product_entity_text"},
      {"catalog_product_entity_datetime", "catalog_product_entity_datetime"},
      {"catalog_product_entity_media_gallery_value", "catalog_product_entity_media_gallery_value"},
      {"cataloginventory_stock_item", "cataloginventory_stock_item"},
      {"quote", "sales_flat_quote"}, {"quote_item", "sales_flat_quote_item"}, {"sales_order", "sales_flat_order"},
      {"sales_order_item", "sales_flat_order_item"}, {"sales_order_address", "sales_flat_order_address"},
      {"sales_order_payment", "sales_flat_order_payment"}, {"sales_order_status_history", "sales_flat_order_status_history"},
      {"sales_order_grid", "sales_flat_order_grid"}, {"sales_invoice", "sales_flat_invoice"},
      {"sales_invoice_item", "sales_flat_invoice_item"}, {"sales_invoice_grid", "sales_flat_invoice_grid"},
      {"sales_shipment", "sales_flat_shipment"}, {"sales_shipment_item", "sales_flat_shipment_item"},
      {"sales_shipment_grid", "sales_flat_shipment_grid"}, {"sales_creditmemo", "sales_flat_creditmemo"},
      {"sales_creditmemo_item", "sales_flat_creditmemo_item"}, {"sales_creditmemo_grid", "sales_flat_creditmemo_grid"},
      {"review", "review"}, {"review_detail", "review_detail"}, {"rating_option_vote", "rating_option_vote"},
      {"newsletter_subscriber", "newsletter_subscriber"},
  };
  for (const auto& [m2, m1] : moved) {
    EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM `" + m2 + "`"), value("sample_m1", "SELECT COUNT(*) FROM `" + m1 + "`"))
        << m1 << " -> " << m2;
  }
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM sales_order"), "300");
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM sales_order_item"), "600");
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM customer_entity"), "100");

  // Orders arrive unchanged, hidden tax under its Magento 2 name.
  auto source = rows("sample_m1", "SELECT increment_id, grand_total, base_grand_total, hidden_tax_amount, customer_email, "
                                  "customer_firstname, store_name, state, status FROM sales_flat_order ORDER BY entity_id");
  auto destination = rows("sample_m2", "SELECT increment_id, grand_total, base_grand_total, discount_tax_compensation_amount, "
                                       "customer_email, customer_firstname, store_name, state, status FROM sales_order "
                                       "ORDER BY entity_id");
  ASSERT_EQ(source.size(), 300u);
  EXPECT_EQ(destination, source);
  EXPECT_EQ(value("sample_m2", "SELECT increment_id FROM sales_order WHERE entity_id = 1"), "100000001");
  EXPECT_NE(value("sample_m2", "SELECT COUNT(*) FROM sales_order WHERE discount_tax_compensation_amount > 0"), "0");

  // Serialized options, UTF-8 and double-encoded names, zero dates and store 0 survive byte for byte.
  EXPECT_EQ(rows("sample_m2", "SELECT item_id, product_options FROM sales_order_item ORDER BY item_id"),
            rows("sample_m1", "SELECT item_id, product_options FROM sales_flat_order_item ORDER BY item_id"));
  EXPECT_EQ(rows("sample_m2", "SELECT entity_id, firstname, middlename FROM customer_entity ORDER BY entity_id"),
            rows("sample_m1", "SELECT e.entity_id, f.value, m.value FROM customer_entity e "
                              "JOIN customer_entity_varchar f ON f.entity_id = e.entity_id AND f.attribute_id = 5 "
                              "JOIN customer_entity_varchar m ON m.entity_id = e.entity_id AND m.attribute_id = 6 "
                              "ORDER BY e.entity_id"));
  // A zero date of birth stays zero in the DATE column.
  EXPECT_EQ(rows("sample_m2", "SELECT entity_id, CAST(dob AS CHAR) FROM customer_entity ORDER BY entity_id"),
            rows("sample_m1", "SELECT entity_id, LEFT(CAST(value AS CHAR), 10) FROM customer_entity_datetime "
                              "WHERE attribute_id = 11 ORDER BY entity_id"));
  EXPECT_EQ(value("sample_m2", "SELECT code FROM store WHERE store_id = 0"), "admin");
  EXPECT_EQ(rows("sample_m2", "SELECT entity_id, cc_last_4 FROM sales_order_payment ORDER BY entity_id"),
            rows("sample_m1", "SELECT entity_id, cc_last4 FROM sales_flat_order_payment ORDER BY entity_id"));

  // SetValue on new NOT NULL columns; the ignored packed IP stays at its default.
  EXPECT_EQ(value("sample_m2", "SELECT GROUP_CONCAT(DISTINCT website_id) FROM cataloginventory_stock_item"), "0");
  EXPECT_EQ(value("sample_m2", "SELECT GROUP_CONCAT(DISTINCT is_active) FROM rating"), "1");
  EXPECT_EQ(value("sample_m2", "SELECT GROUP_CONCAT(DISTINCT remote_ip_long) FROM rating_option_vote"), "0");

  SQLite::Database stage(stage_.string());
  // No finding at all: no integrity finding, no duplicate rewrite or increment id, no password
  // reset, and no server warning at load (the map sets every NOT NULL column Magento 2 adds).
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM finding").getInt(), 0);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM \"m2.sales_order\"").getInt(), 300);
}

TEST_F(SampleStoreTest, SpecialStepsLeaveMagento2Values) {
  migrate();

  // SalesIncrement: per store and document type, Magento 2's sequence continues after Magento 1's
  // last increment number (eav_entity_store, whose ids are those of the generated documents).
  auto lastIds = rows("sample_m1", "SELECT t.entity_type_code, s.store_id, s.increment_prefix, s.increment_last_id "
                                   "FROM eav_entity_store s JOIN eav_entity_type t USING (entity_type_id) ORDER BY 1, 2");
  ASSERT_EQ(lastIds.size(), 10u);  // orders, invoices and shipments in stores 1-3; credit memos in store 2 only
  for (const auto& row : lastIds) {
    const std::string &type = *row[0], &store = *row[1], &prefix = *row[2], &last = *row[3];
    std::string table = "sequence_" + type + "_" + store;
    EXPECT_EQ(prefix, store);
    EXPECT_EQ(last.substr(0, prefix.size()), prefix);
    std::string number = std::to_string(std::stoll(last.substr(prefix.size())));
    EXPECT_EQ(value("sample_m2", "SELECT MAX(sequence_value) FROM " + table), number) << table;
    EXPECT_EQ(value("sample_m2", "SELECT CONCAT(p.prefix, ':', p.start_value, ':', p.is_active) FROM sales_sequence_meta m "
                                 "JOIN sales_sequence_profile p USING (meta_id) WHERE m.entity_type = '" + type +
                                     "' AND m.store_id = " + store + " AND m.sequence_table = '" + table + "'"),
              store + ":1:1")
        << table;
  }
  auto storeOrders = rows("sample_m1", "SELECT store_id, MAX(increment_id) FROM sales_flat_order GROUP BY store_id ORDER BY 1");
  ASSERT_EQ(storeOrders.size(), 3u);
  for (const auto& row : storeOrders) {
    EXPECT_EQ(value("sample_m1", "SELECT increment_last_id FROM eav_entity_store WHERE entity_type_id = 5 AND store_id = " + *row[0]),
              *row[1]);
    // The next order Magento 2 numbers in that store is the one after Magento 1's last.
    auto connection = server().connect("sample_m2");
    connection->execute("INSERT INTO sequence_order_" + *row[0] + " () VALUES ()");
    EXPECT_EQ(connection->queryValue("SELECT LAST_INSERT_ID()"), std::to_string(std::stoll(row[1]->substr(1)) + 1));
  }
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM sales_sequence_meta"), "16") << "4 types x stores 0-3";
  EXPECT_EQ(value("sample_m2", "SELECT COALESCE(MAX(sequence_value), 0) FROM sequence_creditmemo_1"), "0");

  // OrderGrids: every order, invoice, shipment and credit memo has its grid row, rebuilt from the
  // loaded Magento 2 tables (Magento 1's grids are ignored).
  EXPECT_EQ(rows("sample_m2", "SELECT entity_id, increment_id, store_id, status, grand_total, customer_email FROM sales_order_grid "
                              "ORDER BY entity_id"),
            rows("sample_m2", "SELECT entity_id, increment_id, store_id, status, grand_total, customer_email FROM sales_order "
                              "ORDER BY entity_id"));
  EXPECT_EQ(rows("sample_m2", "SELECT entity_id, increment_id FROM sales_order ORDER BY entity_id"),
            rows("sample_m1", "SELECT entity_id, increment_id FROM sales_flat_order ORDER BY entity_id"));
  EXPECT_EQ(rows("sample_m2", "SELECT g.entity_id, g.payment_method FROM sales_order_grid g ORDER BY 1"),
            rows("sample_m1", "SELECT parent_id, method FROM sales_flat_order_payment ORDER BY 1"));
  for (const char* document : {"invoice", "shipment", "creditmemo"}) {
    std::string table = std::string("sales_") + document;
    EXPECT_EQ(rows("sample_m2", "SELECT entity_id, increment_id, order_id FROM " + table + "_grid ORDER BY entity_id"),
              rows("sample_m1", "SELECT entity_id, increment_id, order_id FROM sales_flat_" + std::string(document) + " ORDER BY entity_id"))
        << table;
  }

  // URL rewrites: every product has its rewrite in both store views of the main website, and
  // every Magento 1 rewrite arrives with its id, path and target; product-in-category rewrites
  // have their catalog_url_rewrite_product_category row; active CMS pages get theirs.
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM catalog_product_entity p CROSS JOIN (SELECT 1 AS store_id UNION SELECT 2) s "
                               "LEFT JOIN url_rewrite u ON u.entity_type = 'product' AND u.entity_id = p.entity_id "
                               "AND u.store_id = s.store_id AND u.metadata IS NULL "
                               "AND u.target_path = CONCAT('catalog/product/view/id/', p.entity_id) "
                               "AND u.request_path = CONCAT('product-', p.entity_id, '.html') WHERE u.url_rewrite_id IS NULL"),
            "0");
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM url_rewrite WHERE entity_type = 'product' AND metadata IS NULL"), "200");
  EXPECT_EQ(rows("sample_m2", "SELECT url_rewrite_id, store_id, request_path, target_path, entity_id, is_autogenerated "
                              "FROM url_rewrite WHERE entity_type <> 'cms-page' ORDER BY 1"),
            rows("sample_m1", "SELECT url_rewrite_id, store_id, request_path, target_path, COALESCE(product_id, category_id), "
                              "is_system FROM core_url_rewrite ORDER BY 1"));
  EXPECT_EQ(rows("sample_m2", "SELECT url_rewrite_id, category_id, product_id FROM catalog_url_rewrite_product_category ORDER BY 1"),
            rows("sample_m1", "SELECT url_rewrite_id, category_id, product_id FROM core_url_rewrite "
                              "WHERE product_id IS NOT NULL AND category_id IS NOT NULL ORDER BY 1"));
  EXPECT_EQ(value("sample_m2", "SELECT GROUP_CONCAT(CONCAT(store_id, ':', request_path, '>', target_path) ORDER BY entity_id) "
                               "FROM url_rewrite WHERE entity_type = 'cms-page'"),
            "1:no-route>cms/page/view/page_id/1,1:home>cms/page/view/page_id/2,2:a-propos>cms/page/view/page_id/3");
  EXPECT_EQ(value("sample_m2", "SELECT page_layout FROM cms_page WHERE page_id = 2"), "2columns-right");

  // EAV: Magento 1's sets and set links arrive with their ids; Magento 2's own attributes are added
  // with new ids; every product set has Magento 2's Product Details group (code product-details)
  // and gets the Magento 2 groups it lacks, with their attribute links.
  EXPECT_EQ(rows("sample_m2", "SELECT attribute_set_id, entity_type_id, attribute_set_name FROM eav_attribute_set ORDER BY 1"),
            rows("sample_m1", "SELECT attribute_set_id, entity_type_id, attribute_set_name FROM eav_attribute_set ORDER BY 1"));
  EXPECT_EQ(value("sample_m2", "SELECT attribute_set_name FROM eav_attribute_set WHERE attribute_set_id = 9"), "Virtual Goods");
  // Every Magento 1 link keeps its id, set and attribute; outside the product sets also its group.
  EXPECT_EQ(rows("sample_m2", "SELECT entity_attribute_id, attribute_set_id, attribute_id FROM eav_entity_attribute "
                              "WHERE attribute_id NOT IN (SELECT attribute_id FROM eav_attribute WHERE "
                              "attribute_code IN ('gift_message_available', 'swatch_image')) ORDER BY 1"),
            rows("sample_m1", "SELECT entity_attribute_id, attribute_set_id, attribute_id FROM eav_entity_attribute ORDER BY 1"));
  EXPECT_EQ(rows("sample_m2", "SELECT entity_attribute_id, attribute_group_id FROM eav_entity_attribute "
                              "WHERE attribute_set_id NOT IN (4, 9) ORDER BY 1"),
            rows("sample_m1", "SELECT entity_attribute_id, attribute_group_id FROM eav_entity_attribute "
                              "WHERE attribute_set_id NOT IN (4, 9) ORDER BY 1"));
  // Magento 1's General and Prices product groups are gone: their attributes sit where Magento 2's
  // default set places them (price in Product Details, description in Content, with Magento 2's
  // sort order), or in Product Details with Magento 1's sort order + 200 (special_price).
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM eav_attribute_group WHERE attribute_set_id IN (4, 9) "
                               "AND attribute_group_name IN ('General', 'Prices', 'Recurring Profile')"),
            "0");
  auto placement = [&](const std::string& set, const std::string& code) {
    return rows("sample_m2", "SELECT g.attribute_group_code, a.sort_order FROM eav_entity_attribute a JOIN "
                             "eav_attribute_group g USING (attribute_group_id) JOIN eav_attribute e ON e.attribute_id = "
                             "a.attribute_id AND e.entity_type_id = 4 WHERE a.attribute_set_id = " + set +
                             " AND e.attribute_code = '" + code + "'");
  };
  for (const std::string set : {"4", "9"}) {
    EXPECT_EQ(placement(set, "price"), (std::vector<mariadb::Row>{{"product-details", "30"}})) << "set " << set;
    EXPECT_EQ(placement(set, "description"), (std::vector<mariadb::Row>{{"content", "10"}})) << "set " << set;
    auto special = rows("sample_m1", "SELECT a.sort_order + 200 FROM eav_entity_attribute a JOIN eav_attribute e USING "
                                     "(attribute_id) WHERE a.attribute_set_id = " + set + " AND e.attribute_code = 'special_price'");
    ASSERT_EQ(special.size(), 1u);
    EXPECT_EQ(placement(set, "special_price"), (std::vector<mariadb::Row>{{"product-details", *special[0][0]}})) << "set " << set;
  }
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM eav_attribute"),
            std::to_string(std::stoll(value("sample_m1", "SELECT COUNT(*) FROM eav_attribute")) + 2));
  std::string giftMessage = value("sample_m2", "SELECT attribute_id FROM eav_attribute WHERE attribute_code = 'gift_message_available'");
  EXPECT_GT(std::stoll(giftMessage), 121) << "a new id after Magento 1's attributes";
  EXPECT_EQ(value("sample_m2", "SELECT attribute_id FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'name'"), "71");
  // A Magento 2-only column of a matched attribute takes Magento 2's value.
  EXPECT_EQ(value("sample_m2", "SELECT is_used_in_grid FROM catalog_eav_attribute WHERE attribute_id = 71"), "1");
  for (const char* set : {"4", "9"}) {
    EXPECT_EQ(value("sample_m2", std::string("SELECT COUNT(*) FROM eav_entity_attribute a JOIN eav_attribute_group g "
                                             "USING (attribute_group_id) WHERE g.attribute_set_id = ") + set +
                                     " AND g.attribute_group_code = 'product-details' AND a.attribute_id = 71"),
              "1")
        << "set " << set;
    EXPECT_EQ(value("sample_m2", std::string("SELECT COUNT(*) FROM eav_entity_attribute a JOIN eav_attribute_group g "
                                             "USING (attribute_group_id) WHERE a.attribute_set_id = ") + set +
                                     " AND g.attribute_set_id = " + set + " AND g.attribute_group_name = 'Gift Options' "
                                     "AND a.attribute_id = " + giftMessage),
              "1")
        << "set " << set;
  }

  // Customers: static attributes are customer_entity columns with Magento 1's values, password
  // hashes take Magento 2's form (md5 with salt: version 0), the value rows are gone.
  EXPECT_EQ(rows("sample_m2", "SELECT entity_id, firstname, lastname, email, password_hash, gender, default_billing "
                              "FROM customer_entity ORDER BY entity_id"),
            rows("sample_m1", "SELECT e.entity_id, f.value, l.value, e.email, CONCAT(p.value, ':0'), g.value, b.value "
                              "FROM customer_entity e "
                              "JOIN customer_entity_varchar f ON f.entity_id = e.entity_id AND f.attribute_id = 5 "
                              "JOIN customer_entity_varchar l ON l.entity_id = e.entity_id AND l.attribute_id = 7 "
                              "JOIN customer_entity_varchar p ON p.entity_id = e.entity_id AND p.attribute_id = 12 "
                              "JOIN customer_entity_int g ON g.entity_id = e.entity_id AND g.attribute_id = 18 "
                              "JOIN customer_entity_int b ON b.entity_id = e.entity_id AND b.attribute_id = 13 "
                              "ORDER BY e.entity_id"));
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM customer_entity WHERE password_hash NOT REGEXP '^[0-9a-f]{32}:[0-9a-f]+:0$'"), "0");
  EXPECT_EQ(rows("sample_m2", "SELECT entity_id, street, city, telephone FROM customer_address_entity ORDER BY entity_id"),
            rows("sample_m1", "SELECT a.entity_id, s.value, c.value, t.value FROM customer_address_entity a "
                              "JOIN customer_address_entity_text s ON s.entity_id = a.entity_id AND s.attribute_id = 25 "
                              "JOIN customer_address_entity_varchar c ON c.entity_id = a.entity_id AND c.attribute_id = 26 "
                              "JOIN customer_address_entity_varchar t ON t.entity_id = a.entity_id AND t.attribute_id = 31 "
                              "ORDER BY a.entity_id"));
  for (const char* table : {"customer_entity_varchar", "customer_entity_int", "customer_entity_datetime",
                            "customer_address_entity_varchar", "customer_address_entity_text"})
    EXPECT_EQ(value("sample_m2", std::string("SELECT COUNT(*) FROM ") + table), "0") << table << ": only static attributes";
  EXPECT_EQ(value("sample_m2", "SELECT GROUP_CONCAT(DISTINCT backend_type) FROM eav_attribute WHERE entity_type_id = 1"), "static");
}

// A DECIMAL(x,4) literal from units of 0.0001.
std::string decimal4(std::int64_t units) { return fmt::format("{}.{:04}", units / 10000, units % 10000); }

TEST_F(SampleStoreTest, PriceInventoryAndPostProcessingStepsLeaveMagento2Values) {
  migrate();
  sample::Products products(1);

  // TierPrice: Magento 1's tier prices, and its group prices as tier prices of qty 1, with their
  // groups and websites; nothing else.
  const std::string tierColumns = "entity_id, all_groups, customer_group_id, qty, CAST(value AS DECIMAL(12,4)), website_id";
  EXPECT_EQ(rows("sample_m2", "SELECT " + tierColumns + ", percentage_value FROM catalog_product_entity_tier_price ORDER BY 1, 2, 3, 4, 6"),
            rows("sample_m1", "SELECT " + tierColumns + ", NULL FROM catalog_product_entity_tier_price UNION ALL "
                              "SELECT entity_id, all_groups, customer_group_id, 1.0000, value, website_id, NULL "
                              "FROM catalog_product_entity_group_price ORDER BY 1, 2, 3, 4, 6"));
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM catalog_product_entity_tier_price"), "70") << "40 tier + 30 group prices";
  // As generated: product 1 (p = 0) has two tier prices for all groups (95 % from 5, 90 % from 10),
  // a General group price (90 %) and a Wholesale one (85 %) on the wholesale website.
  std::int64_t price = products.product(0).priceCents;
  EXPECT_EQ(rows("sample_m2", "SELECT all_groups, customer_group_id, qty, CAST(value AS DECIMAL(12,4)), website_id "
                              "FROM catalog_product_entity_tier_price WHERE entity_id = 1 ORDER BY 1, 2, 3"),
            (std::vector<mariadb::Row>{{"0", "1", "1.0000", decimal4(price * 90), "0"},
                                       {"0", "2", "1.0000", decimal4(price * 85), "2"},
                                       {"1", "0", "5.0000", decimal4(price * 95), "0"},
                                       {"1", "0", "10.0000", decimal4(price * 90), "0"}}));

  // ConfigurablePrices: each configurable product p (p % 10 == 2) has two children; the first's
  // colour adds 5.00 (7.50 on the main website, stores 1 and 2), the second's 10 % of the parent's
  // price everywhere (the main website does not price it, so website 0's pricing counts).
  std::vector<mariadb::Row> expected;
  for (std::int64_t p = 2; p < 100; p += 10) {
    std::int64_t parent = products.product(p).priceCents * 100, child = p + 2;
    for (std::int64_t store : {0, 1, 2})
      expected.push_back({std::to_string(child), std::to_string(store), decimal4(parent + (store == 0 ? 50000 : 75000))});
    for (std::int64_t store : {0, 1, 2})
      expected.push_back({std::to_string(child + 1), std::to_string(store), decimal4(parent + parent / 10)});
  }
  EXPECT_EQ(rows("sample_m2", "SELECT d.entity_id, d.store_id, CAST(d.value AS DECIMAL(12,4)) FROM catalog_product_entity_decimal d "
                              "JOIN catalog_product_super_link l ON l.product_id = d.entity_id "
                              "WHERE d.attribute_id = 75 ORDER BY 1, 2"),
            expected);
  // Parents keep their own price; the super attributes and links arrive through the Map step.
  EXPECT_EQ(rows("sample_m2", "SELECT entity_id, CAST(value AS DECIMAL(12,4)) FROM catalog_product_entity_decimal "
                              "WHERE attribute_id = 75 AND entity_id IN (SELECT parent_id FROM catalog_product_super_link) ORDER BY 1"),
            rows("sample_m1", "SELECT entity_id, value FROM catalog_product_entity_decimal "
                              "WHERE attribute_id = 75 AND entity_id IN (SELECT parent_id FROM catalog_product_super_link) ORDER BY 1"));
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM catalog_product_super_link"), "20");

  // Inventory: one default-source item per product with its stock item's quantity and status;
  // every shipment has its source; both websites sell from the default stock.
  EXPECT_EQ(rows("sample_m2", "SELECT sku, source_code, quantity, status FROM inventory_source_item ORDER BY sku"),
            rows("sample_m1", "SELECT p.sku, 'default', s.qty, s.is_in_stock FROM cataloginventory_stock_item s "
                              "JOIN catalog_product_entity p ON p.entity_id = s.product_id ORDER BY p.sku"));
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM inventory_source_item"), "100");
  EXPECT_EQ(rows("sample_m2", "SELECT shipment_id, source_code FROM inventory_shipment_source ORDER BY 1"),
            rows("sample_m1", "SELECT entity_id, 'default' FROM sales_flat_shipment ORDER BY 1"));
  EXPECT_EQ(value("sample_m2", "SELECT GROUP_CONCAT(CONCAT(type, ':', code, ':', stock_id) ORDER BY code) FROM inventory_stock_sales_channel"),
            "website:base:1,website:wholesale:1");

  // PostProcessing: no product url_path value is left (Magento 1 had one per product), and each
  // clean-up is in the audit trail with its count.
  EXPECT_EQ(value("sample_m1", "SELECT COUNT(*) FROM catalog_product_entity_varchar WHERE attribute_id = 98"), "100");
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM catalog_product_entity_varchar v JOIN eav_attribute a USING (attribute_id) "
                               "WHERE a.entity_type_id = 4 AND a.attribute_code = 'url_path'"),
            "0");
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM catalog_product_entity_varchar"),
            std::to_string(std::stoll(value("sample_m1", "SELECT COUNT(*) FROM catalog_product_entity_varchar")) - 100));
  SQLite::Database stage(stage_.string());
  SQLite::Statement audit(stage, "SELECT event, rows FROM audit WHERE event LIKE 'load.post_processing.%' ORDER BY event_id");
  std::vector<std::pair<std::string, std::int64_t>> events;
  while (audit.executeStep()) events.emplace_back(audit.getColumn(0).getString(), audit.getColumn(1).getInt64());
  EXPECT_EQ(events, (std::vector<std::pair<std::string, std::int64_t>>{
                        {"load.post_processing.eav_leftover_values", 0},
                        {"load.post_processing.attribute_set_leftover_values", 0},
                        {"load.post_processing.products_in_root_category", 0},
                        {"load.post_processing.multiselect_text_to_varchar", 0},
                        {"load.post_processing.product_url_path", 100}}));
}

TEST_F(SampleStoreTest, DeltaCarriesALiveStoresChanges) {
  migrate();

  // Magento 1 goes on as a live store would. A new order in store 1, numbered after the last one
  // (a copy of that order with its addresses and payment), and the store's counter raised.
  auto m1 = server().connect("sample_m1");
  std::string last = value("sample_m1", "SELECT increment_last_id FROM eav_entity_store WHERE entity_type_id = 5 AND store_id = 1");
  std::string next = std::to_string(std::stoll(last) + 1);
  std::string copied = value("sample_m1", "SELECT entity_id FROM sales_flat_order WHERE increment_id = '" + last + "'");
  std::string order = std::to_string(std::stoll(value("sample_m1", "SELECT MAX(entity_id) FROM sales_flat_order")) + 1);
  std::string addressBase = value("sample_m1", "SELECT MAX(entity_id) FROM sales_flat_order_address");
  m1->execute("CREATE TEMPORARY TABLE new_order AS SELECT * FROM sales_flat_order WHERE entity_id = " + copied);
  m1->execute("UPDATE new_order SET entity_id = " + order + ", increment_id = '" + next + "', state = 'new', status = 'pending', "
              "billing_address_id = " + addressBase + " + 1, "
              "shipping_address_id = IF(shipping_address_id IS NULL, NULL, " + addressBase + " + 2), "
              "created_at = '2014-06-01 10:00:00', updated_at = '2014-06-01 10:00:00'");
  m1->execute("CREATE TEMPORARY TABLE new_address AS SELECT * FROM sales_flat_order_address WHERE parent_id = " + copied +
              " ORDER BY address_type = 'shipping', entity_id");
  m1->execute("SET @address = " + addressBase);
  m1->execute("UPDATE new_address SET parent_id = " + order + ", entity_id = (@address := @address + 1) ORDER BY address_type = 'shipping'");
  m1->execute("CREATE TEMPORARY TABLE new_payment AS SELECT * FROM sales_flat_order_payment WHERE parent_id = " + copied);
  m1->execute("UPDATE new_payment SET parent_id = " + order + ", entity_id = (SELECT MAX(entity_id) + 1 FROM sales_flat_order_payment)");
  m1->execute("INSERT INTO sales_flat_order SELECT * FROM new_order");
  m1->execute("INSERT INTO sales_flat_order_address SELECT * FROM new_address");
  m1->execute("INSERT INTO sales_flat_order_payment SELECT * FROM new_payment");
  m1->execute("UPDATE eav_entity_store SET increment_last_id = '" + next + "' WHERE entity_type_id = 5 AND store_id = 1");
  // A customer changes her first name: Magento 1 writes the value row only.
  m1->execute("UPDATE customer_entity_varchar SET value = 'Zoë Delta' WHERE entity_id = 7 AND attribute_id = 5");
  // Stock of product 10 is counted again; order 1 is put on hold.
  m1->execute("UPDATE cataloginventory_stock_item SET qty = 321.0000, is_in_stock = 1 WHERE product_id = 10");
  m1->execute("UPDATE sales_flat_order SET state = 'holded', status = 'holded' WHERE entity_id = 1");
  // Product 3's URL key is renamed in store 1: Magento 1 rewrites its request path.
  m1->execute("UPDATE core_url_rewrite SET request_path = 'renamed-product-3.html' WHERE product_id = 3 "
              "AND category_id IS NULL AND store_id = 1");

  run("extract --delta");
  run("load --delta");

  // The new order is in sales_order and in its grid, with its billing name and payment method.
  EXPECT_EQ(value("sample_m2", "SELECT CONCAT(increment_id, ':', store_id, ':', status) FROM sales_order WHERE entity_id = " + order),
            next + ":1:pending");
  EXPECT_EQ(rows("sample_m2", "SELECT increment_id, store_id, status, grand_total, billing_name, payment_method FROM sales_order_grid "
                              "WHERE entity_id = " + order),
            rows("sample_m2", "SELECT '" + next + "', store_id, 'pending', grand_total, billing_name, payment_method FROM "
                              "sales_order_grid WHERE entity_id = " + copied));
  EXPECT_NE(value("sample_m2", "SELECT billing_name FROM sales_order_grid WHERE entity_id = " + order), "<none>");
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM sales_order_grid"), "301");
  // Store 1's order sequence stands at the new last number; Magento 2's next order follows it.
  std::int64_t number = std::stoll(next.substr(1));
  EXPECT_EQ(value("sample_m2", "SELECT MAX(sequence_value) FROM sequence_order_1"), std::to_string(number));
  auto m2 = server().connect("sample_m2");
  m2->execute("INSERT INTO sequence_order_1 () VALUES ()");
  EXPECT_EQ(m2->queryValue("SELECT LAST_INSERT_ID()"), std::to_string(number + 1));
  // The first name is customer_entity's column; no value row appeared for it.
  EXPECT_EQ(value("sample_m2", "SELECT firstname FROM customer_entity WHERE entity_id = 7"), "Zoë Delta");
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM customer_entity_varchar"), "0");
  // The source item of product 10 has the new quantity; order 1's grid row shows its new status.
  EXPECT_EQ(value("sample_m2", "SELECT CONCAT(s.quantity, ':', s.status) FROM inventory_source_item s "
                               "JOIN catalog_product_entity p ON p.sku = s.sku WHERE p.entity_id = 10"),
            "321.0000:1");
  EXPECT_EQ(value("sample_m2", "SELECT COUNT(*) FROM inventory_source_item"), "100");
  EXPECT_EQ(value("sample_m2", "SELECT status FROM sales_order_grid WHERE entity_id = 1"), "holded");
  EXPECT_EQ(value("sample_m2", "SELECT status FROM sales_order WHERE entity_id = 1"), "holded");
  // The renamed product URL (the Url Rewrite step's delta, an m2stage addition).
  EXPECT_EQ(value("sample_m2", "SELECT CONCAT(request_path, '>', target_path) FROM url_rewrite WHERE entity_type = "
                               "'product' AND entity_id = 3 AND store_id = 1 AND metadata IS NULL"),
            "renamed-product-3.html>catalog/product/view/id/3");
}

}  // namespace
}  // namespace m2stage::test
