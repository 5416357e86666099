// The EAV step (official Eav\Integrity, Eav\Data, Eav\Volume) through extract -> transform ->
// load: a small hand-written Magento 1 and Magento 2 EAV in the tables of the stock schemas
// (CE 1.9.2.4 and 2.4.8-p1 from ../shared/fixtures), with m2stage's shipped map-eav.xml, groups
// files and class map.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <thread>
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

const std::vector<std::string> kMagento1Tables = {
    "eav_entity_type",      "eav_attribute_set",      "eav_attribute_group",  "eav_attribute",
    "eav_entity_attribute", "catalog_eav_attribute",  "customer_eav_attribute", "eav_attribute_option",
    "eav_attribute_option_value", "eav_attribute_label"};
const std::vector<std::string> kTables = [] {
  auto tables = kMagento1Tables;
  tables.push_back("eav_attribute_option_swatch");  // Magento 2 only
  return tables;
}();

class EavTest : public ::testing::Test {
 protected:
  void SetUp() override {
    M2STAGE_REQUIRE_SHARED_FIXTURES();
    server().createDatabase("eav_m1");
    server().createDatabase("eav_m2");
    server().runSql("eav_m1", tablesFromDump(sharedFixtures() / "magento1" / "ce-1.9.2.4.sql", kMagento1Tables));
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
      -- color's options and label; msrp_enabled's option (the attribute is ignored)
      INSERT INTO eav_attribute_option VALUES (1, 92, 0), (2, 92, 1), (3, 80, 0);
      INSERT INTO eav_attribute_option_value VALUES (1, 1, 0, 'Red'), (2, 2, 0, 'Blue'), (3, 1, 1, 'Rot'), (4, 3, 0, 'Yes');
      INSERT INTO eav_attribute_label VALUES (1, 92, 1, 'Farbe');
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
      -- gift_message_available (Magento 2 only): two options, a swatch, a label; name (Magento 1 has
      -- it too): an option and a label that give way to Magento 1's
      INSERT INTO eav_attribute_option VALUES (4, 73, 0), (5, 140, 0), (6, 140, 1);
      INSERT INTO eav_attribute_option_value VALUES (10, 5, 0, 'Wrap'), (11, 6, 0, 'Card'), (12, 4, 0, 'Lost');
      INSERT INTO eav_attribute_option_swatch VALUES (1, 5, 0, 1, '#ff0000'), (2, 4, 0, 1, '#000000');
      INSERT INTO eav_attribute_label VALUES (2, 73, 1, 'Produktname'), (3, 140, 1, 'Geschenk');
    )SQL");
    directory_ = makeTempDir("m2stage-eav");
    stage_ = directory_ / "shop.m2stage";
    // map.xml: the seven metadata documents belong to the EAV step (as in the shipped and the
    // official maps). The option and label tables are Map documents there, as in the shipped map:
    // the EAV step takes them over (the Map step would copy Magento 1's over Magento 2's).
    std::string ignored;
    for (const char* document : {"eav_entity_type", "eav_attribute_set", "eav_attribute_group", "eav_attribute",
                                 "eav_entity_attribute", "catalog_eav_attribute", "customer_eav_attribute"})
      ignored += fmt::format("<ignore><document>{}</document></ignore>", document);
    std::ofstream(directory_ / "map.xml") << "<map><source><document_rules>" << ignored
        << "</document_rules><field_rules/></source><destination><document_rules>" << ignored
        << "<ignore><document>eav_attribute_option_swatch</document></ignore></document_rules><field_rules/>"
           "</destination></map>";
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

  // Groups and set membership after the merge. Magento 1's product groups General (7, 20) are not
  // carried (upstream's custom product attribute groups): Magento 2's Product Details and Gift
  // Options come into both product sets with new ids after Magento 1's largest (20). name (71)
  // goes where Magento 2's default set has it (Product Details, sort order 1); color (92) and brand
  // (93), Magento 1's own, go to Product Details with their sort order + 200;
  // gift_message_available (94) to Gift Options.
  void expectMergedGroupsAndLinks() {
    EXPECT_EQ(rows("SELECT attribute_group_id, attribute_set_id, attribute_group_name, attribute_group_code "
                   "FROM eav_attribute_group ORDER BY 1"),
              (Rows{{"1", "1", "General", "general"},
                    {"21", "4", "Product Details", "product-details"},
                    {"22", "4", "Gift Options", "gift-options"},
                    {"23", "9", "Product Details", "product-details"},
                    {"24", "9", "Gift Options", "gift-options"}}));
    EXPECT_EQ(rows("SELECT attribute_set_id, attribute_group_id, attribute_id, sort_order FROM eav_entity_attribute "
                   "ORDER BY 1, 3"),
              (Rows{{"1", "1", "5", "10"},
                    {"4", "21", "71", "1"}, {"4", "21", "92", "203"}, {"4", "22", "94", "1"},
                    {"9", "23", "71", "1"}, {"9", "23", "92", "202"}, {"9", "23", "93", "203"}, {"9", "24", "94", "1"}}));
  }
  // Options and labels: Magento 1's keep their ids (msrp_enabled's, ignored, are left out);
  // gift_message_available's (Magento 2 only) get ids after the largest in use and its merged id
  // 94, the values and the swatch follow the new option ids; name's Magento 2 option and label give
  // way to Magento 1's (none).
  void expectMergedOptionsAndLabels() {
    EXPECT_EQ(rows("SELECT option_id, attribute_id, sort_order FROM eav_attribute_option ORDER BY 1"),
              (Rows{{"1", "92", "0"}, {"2", "92", "1"}, {"4", "94", "0"}, {"5", "94", "1"}}));
    EXPECT_EQ(rows("SELECT value_id, option_id, store_id, value FROM eav_attribute_option_value ORDER BY 1"),
              (Rows{{"1", "1", "0", "Red"}, {"2", "2", "0", "Blue"}, {"3", "1", "1", "Rot"}, {"5", "4", "0", "Wrap"},
                    {"6", "5", "0", "Card"}}));
    EXPECT_EQ(rows("SELECT swatch_id, option_id, store_id, type, value FROM eav_attribute_option_swatch"),
              (Rows{{"1", "4", "0", "1", "#ff0000"}}));
    EXPECT_EQ(rows("SELECT attribute_label_id, attribute_id, store_id, value FROM eav_attribute_label ORDER BY 1"),
              (Rows{{"1", "92", "1", "Farbe"}, {"2", "94", "1", "Geschenk"}}));
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
  expectMergedGroupsAndLinks();
  // Extension rows follow the ids: 140's row is 94's now; a column Magento 1 lacks keeps Magento 2's value.
  EXPECT_EQ(rows("SELECT attribute_id, is_global, is_searchable, is_used_in_grid FROM catalog_eav_attribute ORDER BY 1"),
            (Rows{{"71", "0", "1", "1"}, {"92", "1", "1", "0"}, {"93", "1", "0", "0"}, {"94", "1", "0", "0"}}));
  EXPECT_EQ(rows("SELECT attribute_id, validate_rules, is_used_in_grid FROM customer_eav_attribute"),
            (Rows{{"5", "{\"max_text_length\":255,\"min_text_length\":1}", "1"}}));
  expectMergedOptionsAndLabels();

  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM document WHERE run_id = 1 AND step = 'eav' AND state = 'done'").getInt(), 11);
  // The Map step leaves the option and label tables to the EAV step.
  EXPECT_EQ(stage.execAndGet("SELECT GROUP_CONCAT(document) FROM (SELECT document FROM document WHERE run_id = 1 AND "
                             "step = 'transform' AND state = 'skipped' AND document GLOB 'eav_attribute_[lo]*' ORDER BY 1)")
                .getString(),
            "eav_attribute_label,eav_attribute_option,eav_attribute_option_value");
  EXPECT_NE(stage.execAndGet("SELECT detail FROM audit WHERE event = 'transform.eav'").getString().find(
                "General, Prices and Recurring Profile: 2 dropped, 5 attribute links moved; Magento 2 rows of attributes "
                "Magento 1 has (Magento 1's options win): 1 eav_attribute_label, 1 eav_attribute_option, 1 "
                "eav_attribute_option_swatch, 1 eav_attribute_option_value dropped"),
            std::string::npos)
      << stage.execAndGet("SELECT detail FROM audit WHERE event = 'transform.eav'").getString();
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
               "AND attribute_group_id = 21");
  }
  auto before = snapshot();
  auto loaded = m2stage("load", "--auto");
  EXPECT_EQ(loaded.exitCode, 4) << loaded.output;
  EXPECT_EQ(snapshot(), before);  // eav_entity_type, _set and eav_attribute were written, then rolled back
  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM document WHERE run_id = 1 AND step = 'eav' AND state = 'failed'").getInt(), 11);
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

// load --follow beside a running extract: the merged EAV needs every Magento 1 EAV table, so it is
// transformed and written once extract has finished, in one pass, exactly once.
TEST_F(EavTest, LoadFollowWritesTheMergedEavOnceExtractHasFinished) {
  auto before = snapshot();
  // Magento 1's eav_attribute is held: extract (a child process) waits there until the test lets go.
  auto holder = server().connect("eav_m1");
  holder->execute("LOCK TABLES eav_attribute WRITE");
  auto config = (directory_ / "config.xml").string();
  pid_t extractor = startM2stage({"extract", config, "--stage", stage_.string(), "--jobs", "1"},
                                 (directory_ / "extract.log").string());
  ASSERT_TRUE(waitForStage(extractor, stage_, "SELECT COUNT(*) FROM run_step WHERE step = 'extract'", 1))
      << "extract did not start its run";
  pid_t follower = startM2stage({"load", config, "--stage", stage_.string(), "--follow", "--interval", "0.1", "--auto"},
                                (directory_ / "follow.log").string());
  bool following = waitForStage(follower, stage_, "SELECT COUNT(*) FROM audit WHERE event = 'load.start'", 1);
  std::this_thread::sleep_for(std::chrono::seconds(1));  // several --follow passes while extract waits
  EXPECT_TRUE(following) << "load --follow did not start";
  EXPECT_EQ(waitpid(extractor, nullptr, WNOHANG), 0) << "extract must still be waiting for eav_attribute";
  EXPECT_EQ(waitpid(follower, nullptr, WNOHANG), 0) << "load --follow must wait for extract";
  EXPECT_EQ(snapshot(), before);  // nothing of the EAV written while Magento 1's EAV is half extracted
  holder->execute("UNLOCK TABLES");

  int status = -1;
  waitpid(extractor, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  status = -1;
  waitpid(follower, &status, 0);
  std::stringstream log;
  log << std::ifstream(directory_ / "follow.log").rdbuf();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << log.str();

  expectMergedGroupsAndLinks();
  expectMergedOptionsAndLabels();
  EXPECT_EQ(rows("SELECT attribute_id, attribute_code FROM eav_attribute ORDER BY 1"),
            (Rows{{"5", "firstname"}, {"71", "name"}, {"92", "color"}, {"93", "brand"}, {"94", "gift_message_available"}}));
  SQLite::Database stage(stage_.string());
  // Written once: one EAV transaction, begun and committed once, after extract ended.
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM audit WHERE event = 'load.eav.start'").getInt(), 1);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM audit WHERE event = 'load.eav.end'").getInt(), 1);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM audit WHERE event = 'transform.eav'").getInt(), 1);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM audit a WHERE a.event = 'load.eav.start' AND a.event_id > "
                             "(SELECT MAX(e.event_id) FROM audit e WHERE e.event = 'extract.end')").getInt(),
            1);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM document WHERE run_id = 1 AND step = 'eav' AND state = 'done'").getInt(), 11);
  // A second load finds the EAV loaded and writes nothing again.
  auto again = m2stage("load", "--auto");
  EXPECT_EQ(again.exitCode, 0) << again.output;
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM audit WHERE event = 'load.eav.start'").getInt(), 1);
  expectMergedOptionsAndLabels();
}

}  // namespace
}  // namespace m2stage::test
