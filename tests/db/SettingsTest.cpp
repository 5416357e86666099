// Settings mode (--mode settings, as migrate:settings): core_config_data merged into Magento 2
// under settings.xml, and the stores copied with their ids; and the config.xml step lists
// (a step left out is not run, an unknown class stops with file:line). Uses the official tool's
// `stores` fixture and m2stage's own ce-1.9-to-2.4 settings.xml and map-stores.xml.
#include <gtest/gtest.h>

#include <fstream>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using Rows = std::vector<mariadb::Row>;

class SettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    M2STAGE_REQUIRE_SHARED_FIXTURES();
    auto fixture = sharedFixtures() / "dmt-tests" / "stores";
    server().createDatabase("settings_m1", fixture / "source.sql");
    server().createDatabase("settings_m2", fixture / "dest.sql");
    // Magento 1's core_config_data, and Magento 2's (2.4 shape) with rows of its own install.
    server().runSql("settings_m1", R"(
      CREATE TABLE core_config_data (
        config_id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
        scope varchar(8) NOT NULL DEFAULT 'default', scope_id int NOT NULL DEFAULT 0,
        path varchar(255) NOT NULL DEFAULT 'general', value text,
        UNIQUE KEY UNQ_CORE_CONFIG_DATA_SCOPE_SCOPE_ID_PATH (scope, scope_id, path));
      INSERT INTO core_config_data (scope, scope_id, path, value) VALUES
        ('default', 0, 'general/locale/code', 'de_DE'),
        ('default', 0, 'web/unsecure/base_url', 'http://m1.example/'),
        ('default', 0, 'carriers/dhlint/title', 'DHL Intl'),
        ('websites', 1, 'catalog/seo/product_url_suffix', 'html'),
        ('default', 0, 'advanced/modules_disable_output/Mage_Poll', '1'),
        ('stores', 1, 'design/header/welcome', 'Hallo'),
        ('default', 0, 'catalog/category/root_id', NULL);
    )");
    server().runSql("settings_m2", R"(
      CREATE TABLE core_config_data (
        config_id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
        scope varchar(8) NOT NULL DEFAULT 'default', scope_id int NOT NULL DEFAULT 0,
        path varchar(255) NOT NULL DEFAULT 'general', value text,
        updated_at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
        UNIQUE KEY CORE_CONFIG_DATA_SCOPE_SCOPE_ID_PATH (scope, scope_id, path));
      INSERT INTO core_config_data (config_id, scope, scope_id, path, value) VALUES
        (10, 'default', 0, 'general/locale/code', 'en_US'),
        (11, 'default', 0, 'web/unsecure/base_url', 'http://m2.example/'),
        (12, 'default', 0, 'dev/static/sign', '1');
      ALTER TABLE store_group ADD COLUMN code varchar(32) NULL, ADD UNIQUE KEY STORE_GROUP_CODE (code);
    )");
    directory_ = makeTempDir("m2stage-settings");
    stage_ = directory_ / "shop.m2stage";
  }
  void TearDown() override {
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
  }

  static MariaDbServer& server() { return MariaDbServer::instance(); }
  static std::filesystem::path shippedMap(const std::string& name) {
    return sourceDir() / "schema" / "maps" / "ce-1.9-to-2.4" / name;
  }
  // A config.xml with the given <steps> blocks and options (the shipped settings maps by default).
  std::filesystem::path config(const std::string& steps, const std::string& source = "settings_m1",
                               const std::string& destination = "settings_m2", std::string options = "") {
    if (options.empty())
      options = fmt::format("<settings_map_file>{}</settings_map_file><stores_map_file>{}</stores_map_file>",
                            shippedMap("settings.xml").string(), shippedMap("map-stores.xml").string());
    return writeConfig(directory_, source, destination, options, steps);
  }
  CommandResult m2stage(const std::string& command, const std::filesystem::path& config, const std::string& extra = "") {
    return runM2stage(command + " " + config.string() + " --stage " + stage_.string() + " " + extra);
  }
  Rows rows(const std::string& database, const std::string& sql) { return server().connect(database)->query(sql); }
  Rows settings() {
    return rows("settings_m2", "SELECT scope, scope_id, path, value FROM core_config_data ORDER BY scope, scope_id, path");
  }

  std::filesystem::path directory_, stage_;
};

TEST_F(SettingsTest, MergesCoreConfigDataAndCopiesTheStoresWithTheirIds) {
  auto file = config("");
  auto extracted = m2stage("extract", file, "--mode settings");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  EXPECT_NE(extracted.output.find("extract: settings run 1"), std::string::npos) << extracted.output;
  auto loaded = m2stage("load", file, "--mode settings");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;

  Rows expected = {
      {"default", "0", "carriers/dhl/title", "DHL Intl"},                 // renamed from carriers/dhlint/title
      {"default", "0", "catalog/category/root_id", std::nullopt},         // added (CategoryRootId: NULL stays NULL)
      {"default", "0", "dev/static/sign", "1"},                           // only in Magento 2: kept
      {"default", "0", "general/locale/code", "de_DE"},                   // in both: value overwritten
      {"default", "0", "web/unsecure/base_url", "http://m2.example/"},    // ignored: Magento 2's stays
      {"stores", "1", "design/header/welcome", "Hallo"},                  // added
      {"websites", "1", "catalog/seo/product_url_suffix", ".html"},       // added, through UrlSuffix
  };
  EXPECT_EQ(settings(), expected);
  // The merge changed the matching row in place: Magento 2's config_id stays.
  EXPECT_EQ(rows("settings_m2", "SELECT config_id FROM core_config_data WHERE path = 'general/locale/code'")[0][0], "10");
  EXPECT_EQ(rows("settings_m2", "SELECT COUNT(*) FROM core_config_data WHERE path LIKE 'advanced/%' OR path LIKE "
                                "'carriers/dhlint/%'")[0][0], "0");

  EXPECT_EQ(rows("settings_m2", "SELECT store_id, code, website_id, group_id, name, sort_order, is_active FROM store "
                                "ORDER BY store_id"),
            (Rows{{"0", "admin", "0", "0", "Admin", "0", "1"}, {"1", "default", "1", "1", "English", "0", "1"}}));
  EXPECT_EQ(rows("settings_m2", "SELECT group_id, website_id, name, root_category_id, default_store_id, code FROM "
                                "store_group ORDER BY group_id"),
            (Rows{{"0", "0", "Default", "0", "0", "default"}, {"1", "1", "First Main Store", "2", "1", "first_main_store"}}));
  EXPECT_EQ(rows("settings_m2", "SELECT website_id, code, name, sort_order, default_group_id, is_default FROM "
                                "store_website ORDER BY website_id"),
            (Rows{{"0", "admin", "Admin", "0", "0", "0"}, {"1", "base", "Main Website", "0", "1", "1"}}));

  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT kind || ' ' || mode FROM run WHERE run_id = 1").getString(), "full settings");
  EXPECT_EQ(stage.execAndGet("SELECT state FROM run_step WHERE run_id = 1 AND step = 'load'").getString(), "done");
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM config WHERE run_id = 1 AND name IN ('settings.xml', 'map-stores.xml')")
                .getInt(), 2);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM audit WHERE event = 'load.document.merge' AND document = "
                             "'core_config_data'").getInt(), 1);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM finding WHERE run_id = 1 AND severity = 'error'").getInt(), 0);
  EXPECT_NE(stage.execAndGet("SELECT detail FROM document WHERE run_id = 1 AND step = 'transform' AND document = "
                             "'core_config_data'").getString().find("2 paths ignored, 1 renamed"), std::string::npos);

  // A second load changes nothing; --verify-only checks the merge by key.
  auto again = m2stage("load", file, "--mode settings");
  ASSERT_EQ(again.exitCode, 0) << again.output;
  EXPECT_EQ(settings(), expected);
  auto verified = m2stage("load", file, "--mode settings --verify-only");
  EXPECT_EQ(verified.exitCode, 0) << verified.output;
  server().connect("settings_m2")->execute("UPDATE core_config_data SET value = 'fr_FR' WHERE path = 'general/locale/code'");
  auto changed = m2stage("load", file, "--mode settings --verify-only");
  EXPECT_EQ(changed.exitCode, 6) << changed.output;
  EXPECT_NE(changed.output.find("path=general/locale/code: Magento 2 has 'fr_FR', staged 'de_DE'"), std::string::npos)
      << changed.output;

  // Data-mode commands do not take the settings run.
  auto data = m2stage("load", file);
  EXPECT_EQ(data.exitCode, 5) << data.output;
  EXPECT_NE(data.output.find("no data run to load"), std::string::npos) << data.output;
  auto wrongMode = m2stage("load", file, "--run 1");
  EXPECT_EQ(wrongMode.exitCode, 5) << wrongMode.output;
  EXPECT_NE(wrongMode.output.find("run 1 is a settings run; give --mode settings"), std::string::npos) << wrongMode.output;
}

TEST_F(SettingsTest, ASettingsListWithoutTheStoresStepLeavesTheStoresAlone) {
  auto file = config(
      "  <steps mode=\"settings\">\n"
      "    <step title=\"Settings Step\">\n"
      "      <integrity>Migration\\Step\\Settings\\Integrity</integrity>\n"
      "      <data>\\Migration\\Step\\Settings\\Data</data>\n"
      "    </step>\n"
      "  </steps>\n",
      "settings_m1", "settings_m2",
      fmt::format("<settings_map_file>{}</settings_map_file>", shippedMap("settings.xml").string()));
  ASSERT_EQ(m2stage("extract", file, "--mode settings").exitCode, 0);
  auto loaded = m2stage("load", file, "--mode settings");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_EQ(rows("settings_m2", "SELECT value FROM core_config_data WHERE path = 'general/locale/code'")[0][0], "de_DE");
  EXPECT_EQ(rows("settings_m2", "SELECT store_id, code FROM store"), (Rows{{"0", "admin"}}));
  EXPECT_EQ(rows("settings_m2", "SELECT group_id, code FROM store_group"), (Rows{{"0", std::nullopt}}));
  SQLite::Database stage(stage_.string());
  EXPECT_FALSE(stage.tableExists("m1.core_store"));
}

TEST_F(SettingsTest, ADataListWithoutTheMapStepMovesNothing) {
  auto fixture = sharedFixtures() / "dmt-tests" / "default";
  server().createDatabase("nomap_m1", fixture / "source.sql");
  server().createDatabase("nomap_m2", fixture / "dest.sql");
  auto file = config(
      "  <steps mode=\"data\">\n"
      "    <step title=\"Log Step\">\n"
      "      <integrity>Migration\\Step\\Log\\Integrity</integrity>\n"
      "      <data>Migration\\Step\\Log\\Data</data>\n"
      "    </step>\n"
      "  </steps>\n",
      "nomap_m1", "nomap_m2",
      "<map_file>" + (sharedFixtures() / "dmt-tests" / "_files" / "map.xml").string() + "</map_file>");
  auto extracted = m2stage("extract", file);
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  EXPECT_NE(extracted.output.find("official steps m2stage does not cover yet: Log Step (Log)"), std::string::npos)
      << extracted.output;
  EXPECT_NE(extracted.output.find("has no Map step"), std::string::npos) << extracted.output;
  auto loaded = m2stage("load", file);  // no integrity stop either: the Map step's check is not run
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_EQ(rows("nomap_m2", "SELECT COUNT(*) FROM table_without_data")[0][0], "0");
  EXPECT_EQ(rows("nomap_m2", "SELECT COUNT(*) FROM common_table")[0][0], "0");
  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM document WHERE run_id = 1").getInt(), 0);
  EXPECT_EQ(stage.execAndGet("SELECT state FROM run_step WHERE run_id = 1 AND step = 'load'").getString(), "done");
}

TEST_F(SettingsTest, AnUnknownStepClassStopsWithFileAndLine) {
  auto file = config(
      "  <steps mode=\"settings\">\n"
      "    <step title=\"Mine\">\n"
      "      <data>Vendor\\Step\\Settings\\Data</data>\n"
      "    </step>\n"
      "  </steps>\n");
  auto extracted = m2stage("extract", file, "--mode settings");
  EXPECT_EQ(extracted.exitCode, 2) << extracted.output;
  EXPECT_NE(extracted.output.find(file.string() + ":4: unknown step class Vendor\\Step\\Settings\\Data"), std::string::npos)
      << extracted.output;
  EXPECT_FALSE(std::filesystem::exists(stage_));
}

}  // namespace
}  // namespace m2stage::test
