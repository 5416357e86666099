// The EAV step (official Eav\Integrity, Eav\Data, Eav\Volume) through extract -> transform ->
// load: a small hand-written Magento 1 and Magento 2 EAV in the tables of the stock schemas
// (CE 1.9.2.4 and 2.4.8-p1 from ../shared/fixtures), with m2stage's shipped map-eav.xml, groups
// files and class map.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/SchemaDump.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using Rows = std::vector<mariadb::Row>;

const std::vector<std::string> kTables = {"eav_entity_type",      "eav_attribute_set",     "eav_attribute_group",
                                          "eav_attribute",        "eav_entity_attribute",  "catalog_eav_attribute",
                                          "customer_eav_attribute"};

class EavTest : public ::testing::Test {
 protected:
  void SetUp() override {
    M2STAGE_REQUIRE_SHARED_FIXTURES();
    server().createDatabase("eav_m1");
    server().createDatabase("eav_m2");
    server().runSql("eav_m1", tablesFromDump(sharedFixtures() / "magento1" / "ce-1.9.2.4.sql", kTables));
    server().runSql("eav_m2", tablesFromDump(sharedFixtures() / "magento2" / "2.4.8-p1-schema.sql", kTables));
    // Magento 1: customer (1) and catalog_product (4); product sets Default (4) and Shoes (9);
    // attributes firstname (5), name (71), msrp_enabled (80, ignored by eav-attribute-groups.xml),
    // color (92) and brand (93, whose source model the class map does not know).
    server().runSql("eav_m1", R"SQL(
      INSERT INTO eav_entity_type (entity_type_id, entity_type_code, entity_model, attribute_model, entity_table,
        default_attribute_set_id, increment_model, additional_attribute_table, entity_attribute_collection) VALUES
        (1, 'customer', 'customer/customer', 'customer/attribute', 'customer/entity', 1, 'eav/entity_increment_numeric',
         'customer/eav_attribute', 'customer/attribute_collection'),
        (4, 'catalog_product', 'catalog/product', 'catalog/resource_eav_attribute', 'catalog/product', 4, '',
         'catalog/eav_attribute', 'catalog/product_attribute_collection');
      INSERT INTO eav_attribute_set VALUES (1, 1, 'Default', 1), (4, 4, 'Default', 1), (9, 4, 'Shoes', 0);
      INSERT INTO eav_attribute_group VALUES (1, 1, 'General', 1, 1), (7, 4, 'General', 1, 1), (20, 9, 'General', 1, 1);
      INSERT INTO eav_attribute (attribute_id, entity_type_id, attribute_code, backend_type, frontend_input, source_model,
        frontend_label, is_required, is_user_defined) VALUES
        (5, 1, 'firstname', 'varchar', 'text', NULL, 'First Name', 1, 0),
        (71, 4, 'name', 'varchar', 'text', NULL, 'Name', 1, 0),
        (80, 4, 'msrp_enabled', 'varchar', 'select', 'catalog/product_attribute_source_msrp_type_enabled', 'MAP', 0, 0),
        (92, 4, 'color', 'int', 'select', 'eav/entity_attribute_source_table', 'Color', 0, 1),
        (93, 4, 'brand', 'int', 'select', 'extension/brand_source', 'Brand', 0, 1);
      INSERT INTO eav_entity_attribute VALUES (10, 1, 1, 1, 5, 10),
        (30, 4, 4, 7, 71, 1), (31, 4, 4, 7, 80, 2), (32, 4, 4, 7, 92, 3),
        (40, 4, 9, 20, 71, 1), (41, 4, 9, 20, 92, 2), (42, 4, 9, 20, 93, 3);
      INSERT INTO catalog_eav_attribute (attribute_id, is_global, is_searchable) VALUES
        (71, 0, 1), (80, 1, 0), (92, 1, 1), (93, 1, 0);
      INSERT INTO customer_eav_attribute (attribute_id, is_visible, multiline_count, validate_rules, is_system, sort_order) VALUES
        (5, 1, 1, 'a:2:{s:15:"max_text_length";i:255;s:15:"min_text_length";i:1;}', 1, 40);
    )SQL");
    // Magento 2: the same entity types and Default sets; name is 73 there; gift_message_available
    // (140) exists only in Magento 2; the default product set has Product Details and Gift Options.
    server().runSql("eav_m2", R"SQL(
      INSERT INTO eav_entity_type (entity_type_id, entity_type_code, entity_model, attribute_model, entity_table,
        default_attribute_set_id, increment_model, additional_attribute_table, entity_attribute_collection) VALUES
        (1, 'customer', 'Magento\\Customer\\Model\\ResourceModel\\Customer', 'Magento\\Customer\\Model\\Attribute',
         'customer_entity', 1, 'Magento\\Eav\\Model\\Entity\\Increment\\NumericValue', 'customer_eav_attribute',
         'Magento\\Customer\\Model\\ResourceModel\\Attribute\\Collection'),
        (4, 'catalog_product', 'Magento\\Catalog\\Model\\ResourceModel\\Product',
         'Magento\\Catalog\\Model\\ResourceModel\\Eav\\Attribute', 'catalog_product_entity', 4, NULL, 'catalog_eav_attribute',
         'Magento\\Catalog\\Model\\ResourceModel\\Product\\Attribute\\Collection');
      INSERT INTO eav_attribute_set VALUES (1, 1, 'Default', 2), (4, 4, 'Default', 1);
      INSERT INTO eav_attribute_group VALUES (1, 1, 'General', 1, 1, 'general', NULL),
        (7, 4, 'Product Details', 10, 1, 'product-details', 'basic'), (15, 4, 'Gift Options', 60, 0, 'gift-options', NULL);
      INSERT INTO eav_attribute (attribute_id, entity_type_id, attribute_code, backend_type, frontend_input, backend_model,
        source_model, frontend_label, is_required, is_user_defined) VALUES
        (5, 1, 'firstname', 'static', 'text', NULL, NULL, 'First Name', 1, 0),
        (73, 4, 'name', 'varchar', 'text', NULL, NULL, 'Product Name', 1, 0),
        (140, 4, 'gift_message_available', 'varchar', 'boolean',
         'Magento\\Catalog\\Model\\Product\\Attribute\\Backend\\Boolean',
         'Magento\\Eav\\Model\\Entity\\Attribute\\Source\\Boolean', 'Allow Gift Message', 0, 0);
      INSERT INTO eav_entity_attribute VALUES (1, 1, 1, 1, 5, 10), (100, 4, 4, 7, 73, 1), (150, 4, 4, 15, 140, 1);
      INSERT INTO catalog_eav_attribute (attribute_id, is_global, is_searchable, is_used_in_grid) VALUES
        (73, 0, 1, 1), (140, 1, 0, 0);
      INSERT INTO customer_eav_attribute (attribute_id, is_visible, multiline_count, is_system, sort_order, is_used_in_grid) VALUES
        (5, 1, 1, 1, 40, 1);
    )SQL");
    directory_ = makeTempDir("m2stage-eav");
    stage_ = directory_ / "shop.m2stage";
    // map.xml: the EAV documents belong to the EAV step (as in the shipped and the official maps).
    std::ofstream(directory_ / "map.xml") << "<map><source><document_rules>"
        "<ignore><document>eav_*</document></ignore><ignore><document>catalog_eav_attribute</document></ignore>"
        "<ignore><document>customer_eav_attribute</document></ignore></document_rules><field_rules/></source>"
        "<destination><document_rules><ignore><document>eav_*</document></ignore>"
        "<ignore><document>catalog_eav_attribute</document></ignore><ignore><document>customer_eav_attribute</document>"
        "</ignore></document_rules><field_rules/></destination></map>";
    auto maps = sourceDir() / "schema" / "maps" / "ce-1.9-to-2.4";
    std::ofstream(directory_ / "config.xml") << fmt::format(
        "<?xml version=\"1.0\"?>\n<config>\n"
        "  <steps mode=\"data\"><step title=\"EAV Step\"><integrity>Migration\\Step\\Eav\\Integrity</integrity>"
        "<data>Migration\\Step\\Eav\\Data</data><volume>Migration\\Step\\Eav\\Volume</volume></step>"
        "<step title=\"Map Step\"><data>Migration\\Step\\Map\\Data</data></step></steps>\n"
        "  <source><database host=\"{0}\" name=\"eav_m1\" user=\"root\"/></source>\n"
        "  <destination><database host=\"{0}\" name=\"eav_m2\" user=\"root\"/></destination>\n"
        "  <options><map_file>map.xml</map_file><class_map>{1}/class-map.xml</class_map>"
        "<eav_map_file>{1}/map-eav.xml</eav_map_file><eav_document_groups_file>{1}/eav-document-groups.xml"
        "</eav_document_groups_file><eav_attribute_groups_file>{1}/eav-attribute-groups.xml</eav_attribute_groups_file>"
        "</options>\n</config>\n",
        server().socket().string(), maps.string());
  }
  void TearDown() override {
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
  }

  static MariaDbServer& server() { return MariaDbServer::instance(); }
  CommandResult m2stage(const std::string& command, const std::string& extra = "") {
    return runM2stage(command + " " + (directory_ / "config.xml").string() + " --stage " + stage_.string() + " " + extra);
  }
  Rows rows(const std::string& sql) { return server().connect("eav_m2")->query(sql); }
  // Every row of Magento 2's EAV tables, for before/after comparisons.
  std::vector<Rows> snapshot() {
    std::vector<Rows> tables;
    for (const auto& table : kTables) tables.push_back(rows(fmt::format("SELECT * FROM `{}` ORDER BY 1, 2", table)));
    return tables;
  }

  std::filesystem::path directory_, stage_;
};

TEST_F(EavTest, MergesMagento1AndMagento2Eav) {
  auto extracted = m2stage("extract");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  // Eav\Integrity: brand's source model is not in the class map: an error without --auto.
  auto refused = m2stage("transform");
  EXPECT_EQ(refused.exitCode, 3) << refused.output;
  EXPECT_NE(refused.output.find("Incompatibility in data. Source document: eav_attribute. Field: source_model. Error: "
                                "Class extension/brand_source is not mapped in record attribute_id=93"),
            std::string::npos)
      << refused.output;
  auto before = snapshot();
  auto transformed = m2stage("transform", "--auto");
  ASSERT_EQ(transformed.exitCode, 0) << transformed.output;
  EXPECT_EQ(snapshot(), before);  // transform writes nothing to Magento 2
  auto loaded = m2stage("load", "--auto");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;

  // Entity types: Magento 1 ids, classes through the class map, Magento 2's table names.
  EXPECT_EQ(rows("SELECT entity_type_id, entity_type_code, entity_model, entity_table, additional_attribute_table "
                 "FROM eav_entity_type ORDER BY 1"),
            (Rows{{"1", "customer", "Magento\\Customer\\Model\\ResourceModel\\Customer", "customer_entity",
                   "customer_eav_attribute"},
                  {"4", "catalog_product", "Magento\\Catalog\\Model\\ResourceModel\\Product", "catalog_product_entity",
                   "catalog_eav_attribute"}}));
  EXPECT_EQ(rows("SELECT attribute_set_id, entity_type_id, attribute_set_name FROM eav_attribute_set ORDER BY 1"),
            (Rows{{"1", "1", "Default"}, {"4", "4", "Default"}, {"9", "4", "Shoes"}}));
  // Attributes: Magento 1 ids kept (name stays 71), msrp_enabled ignored, gift_message_available
  // (Magento 2 only) re-inserted after the largest Magento 1 id, classes mapped (brand's unmapped: NULL).
  EXPECT_EQ(rows("SELECT attribute_id, entity_type_id, attribute_code, source_model, backend_model FROM eav_attribute ORDER BY 1"),
            (Rows{{"5", "1", "firstname", std::nullopt, std::nullopt},
                  {"71", "4", "name", std::nullopt, std::nullopt},
                  {"92", "4", "color", "Magento\\Eav\\Model\\Entity\\Attribute\\Source\\Table", std::nullopt},
                  {"93", "4", "brand", std::nullopt, std::nullopt},
                  {"94", "4", "gift_message_available", "Magento\\Eav\\Model\\Entity\\Attribute\\Source\\Boolean",
                   "Magento\\Catalog\\Model\\Product\\Attribute\\Backend\\Boolean"}}));
  // Groups: Magento 1's kept. Its product "General" gets Magento 2's code product-details (SetGroupCode),
  // so Magento 2's Product Details is that group; Gift Options is added to both product sets (new ids).
  EXPECT_EQ(rows("SELECT attribute_group_id, attribute_set_id, attribute_group_name, attribute_group_code "
                 "FROM eav_attribute_group ORDER BY 1"),
            (Rows{{"1", "1", "General", "general"},
                  {"7", "4", "General", "product-details"},
                  {"20", "9", "General", "product-details"},
                  {"21", "4", "Gift Options", "gift-options"},
                  {"22", "9", "Gift Options", "gift-options"}}));
  // Set membership: gift_message_available (94) linked in both sets through the remapped group.
  EXPECT_EQ(rows("SELECT attribute_set_id, attribute_group_id, attribute_id FROM eav_entity_attribute ORDER BY 1, 3"),
            (Rows{{"1", "1", "5"},
                  {"4", "7", "71"}, {"4", "7", "92"}, {"4", "21", "94"},
                  {"9", "20", "71"}, {"9", "20", "92"}, {"9", "20", "93"}, {"9", "22", "94"}}));
  // Extension rows follow the ids: 140's row is 94's now; a column Magento 1 lacks keeps Magento 2's value.
  EXPECT_EQ(rows("SELECT attribute_id, is_global, is_searchable, is_used_in_grid FROM catalog_eav_attribute ORDER BY 1"),
            (Rows{{"71", "0", "1", "1"}, {"92", "1", "1", "0"}, {"93", "1", "0", "0"}, {"94", "1", "0", "0"}}));
  EXPECT_EQ(rows("SELECT attribute_id, validate_rules, is_used_in_grid FROM customer_eav_attribute"),
            (Rows{{"5", "{\"max_text_length\":255,\"min_text_length\":1}", "1"}}));

  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM document WHERE run_id = 1 AND step = 'eav' AND state = 'done'").getInt(), 7);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM \"eav_m2.eav_attribute\" WHERE _run = 1").getInt(), 3);
  EXPECT_EQ(stage.execAndGet("SELECT severity FROM finding WHERE kind = 'class_not_mapped'").getString(), "warning");
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM audit WHERE event = 'load.eav.end'").getInt(), 1);
}

TEST_F(EavTest, AFailedLoadLeavesMagento2EavAsItWas) {
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  auto transformed = m2stage("transform", "--auto");
  ASSERT_EQ(transformed.exitCode, 0) << transformed.output;
  {
    // A merged row that breaks eav_attribute_group's primary key: the load fails half way.
    SQLite::Database stage(stage_.string(), SQLite::OPEN_READWRITE);
    stage.exec("INSERT INTO \"eav.eav_attribute_group\" SELECT * FROM \"eav.eav_attribute_group\" WHERE _run = 1 "
               "AND attribute_group_id = 20");
  }
  auto before = snapshot();
  auto loaded = m2stage("load", "--auto");
  EXPECT_EQ(loaded.exitCode, 4) << loaded.output;
  EXPECT_EQ(snapshot(), before);  // eav_entity_type, _set and eav_attribute were written, then rolled back
  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM document WHERE run_id = 1 AND step = 'eav' AND state = 'failed'").getInt(), 7);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM audit WHERE event = 'load.eav.rolled_back'").getInt(), 1);
}

TEST_F(EavTest, ARunExtractedWithoutTheEavStepIsNotMergedHalfWay) {
  // Extracted with a config that had no EAV options: the sets, groups and links were not staged.
  std::stringstream full;
  full << std::ifstream(directory_ / "config.xml").rdbuf();
  std::string withoutEav = full.str();
  withoutEav.erase(withoutEav.find("<eav_map_file>"), withoutEav.find("</options>") - withoutEav.find("<eav_map_file>"));
  std::ofstream(directory_ / "no-eav.xml") << withoutEav;
  auto extracted = runM2stage("extract " + (directory_ / "no-eav.xml").string() + " --stage " + stage_.string());
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  auto before = snapshot();
  auto transformed = m2stage("transform", "--auto");
  EXPECT_EQ(transformed.exitCode, 5) << transformed.output;
  EXPECT_NE(transformed.output.find("the EAV step needs catalog_eav_attribute of Magento 1, which run 1 has not extracted"),
            std::string::npos)
      << transformed.output;
  EXPECT_NE(m2stage("load", "--auto").exitCode, 0);
  EXPECT_EQ(snapshot(), before);
}

}  // namespace
}  // namespace m2stage::test
