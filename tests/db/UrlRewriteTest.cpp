// The Url Rewrite step through extract -> transform -> load: core_url_rewrite rows of two stores
// (category, product, product-in-category, custom and redirect rewrites, and duplicates of
// Magento 2's unique key) and CMS pages become Magento 2 url_rewrite and
// catalog_url_rewrite_product_category rows; each duplicate dropped is a finding. Then delta:
// Magento 1's new, changed and deleted rewrites follow into Magento 2.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/SchemaDump.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using Rows = std::vector<mariadb::Row>;

const std::vector<std::string> kSourceTables = {"core_url_rewrite", "cms_page", "cms_page_store"};
const std::vector<std::string> kDestinationTables = {"url_rewrite", "catalog_url_rewrite_product_category"};

class UrlRewriteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    M2STAGE_REQUIRE_SHARED_FIXTURES();
    server().createDatabase("rewrite_m1");
    server().createDatabase("rewrite_m2");
    for (const auto& table : kSourceTables)
      server().runSql("rewrite_m1", tablesFromDump(sharedFixtures() / "magento1" / "ce-1.9.2.4.sql", {table}));
    for (const auto& table : kDestinationTables)
      server().runSql("rewrite_m2", tablesFromDump(sharedFixtures() / "magento2" / "2.4.8-p1-schema.sql", {table}));
    // A store that lost its unique key on (request_path, store_id) holds duplicates Magento 2 refuses.
    server().runSql("rewrite_m1", R"(
      ALTER TABLE core_url_rewrite DROP INDEX UNQ_CORE_URL_REWRITE_REQUEST_PATH_STORE_ID;
      INSERT INTO core_url_rewrite (url_rewrite_id, store_id, id_path, request_path, target_path, is_system, options,
                                    description, category_id, product_id) VALUES
        (1, 1, 'category/4', 'shoes.html', 'catalog/category/view/id/4', 1, '', NULL, 4, NULL),
        (2, 1, '1700000000_1', 'Red-Shoe.html', 'catalog/product/view/id/12', 0, '', NULL, NULL, NULL),
        (3, 1, 'product/12', 'red-shoe.html', 'catalog/product/view/id/12', 1, '', NULL, NULL, 12),
        (4, 1, 'product/12/4', 'shoes/red-shoe.html', 'catalog/product/view/id/12/category/4', 1, '', NULL, 4, 12),
        (5, 2, 'product/12/4', 'schuhe/rot.html', 'catalog/product/view/id/12/category/4', 1, '', NULL, 4, 12),
        (6, 1, '1700000000_2', 'old-shoes.html', 'shoes.html', 0, 'RP', NULL, NULL, NULL),
        (7, 2, '1700000000_3', 'sale', 'https://example.com/sale', 0, 'R', 'promo', NULL, NULL),
        (8, 2, '1700000000_4', 'sale', 'sale-2', 0, 'R', NULL, NULL, NULL);
      INSERT INTO cms_page (page_id, title, identifier, is_active) VALUES
        (1, 'About us', 'about-us', 1), (2, 'Closed', 'closed', 0), (3, 'Sale', 'sale', 1);
      INSERT INTO cms_page_store (page_id, store_id) VALUES (1, 0), (2, 1), (3, 2);
    )");
    // Rows a previous attempt left: load empties both tables first, as upstream truncates them.
    server().runSql("rewrite_m2", R"(
      INSERT INTO url_rewrite (url_rewrite_id, entity_type, entity_id, request_path, target_path, store_id)
        VALUES (500, 'custom', 0, 'stale', 'stale', 1);
      INSERT INTO catalog_url_rewrite_product_category VALUES (500, 1, 1);
    )");
    directory_ = makeTempDir("m2stage-url-rewrite");
    stage_ = directory_ / "shop.m2stage";
    writeMapAndConfig("");
  }
  void TearDown() override {
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
  }

  // map.xml ignores the step's tables (as the official map ignores core_url_rewrite and the
  // Magento 2 rewrite tables); config.xml lists the Url Rewrite and Map steps (in data mode, and
  // with `delta` in delta mode too, with a groups file following core_url_rewrite).
  void writeMapAndConfig(const std::string& extraOptions, bool delta = false) {
    std::string deltaSteps;
    std::string options = extraOptions;
    if (delta) {
      std::ofstream(directory_ / "deltalog.xml") << "<?xml version=\"1.0\"?>\n<groups><group name=\"delta_url_rewrite\">"
                                                    "<document key=\"url_rewrite_id\">core_url_rewrite</document>"
                                                    "</group></groups>\n";
      deltaSteps = "  <steps mode=\"delta\">\n"
                   "    <step title=\"Map Step\"><delta>Migration\\Step\\Map\\Delta</delta></step>\n"
                   "    <step title=\"Url Rewrite Step\"><delta>Migration\\Step\\UrlRewrite\\Version191to2000</delta></step>\n"
                   "  </steps>\n";
      options += "<delta_document_groups_file>deltalog.xml</delta_document_groups_file>";
    }
    std::string source, destination;
    for (const auto& table : kSourceTables) source += "<ignore><document>" + table + "</document></ignore>";
    for (const auto& table : kDestinationTables) destination += "<ignore><document>" + table + "</document></ignore>";
    std::ofstream(directory_ / "map.xml") << "<?xml version=\"1.0\"?>\n<map><source><document_rules>" << source
                                          << "</document_rules></source><destination><document_rules>" << destination
                                          << "</document_rules></destination></map>\n";
    std::ofstream(directory_ / "config.xml") << fmt::format(
        "<?xml version=\"1.0\"?>\n<config>\n"
        "  <steps mode=\"data\">\n"
        "    <step title=\"Map Step\"><integrity>Migration\\Step\\Map\\Integrity</integrity>"
        "<data>Migration\\Step\\Map\\Data</data><volume>Migration\\Step\\Map\\Volume</volume></step>\n"
        "    <step title=\"Url Rewrite Step\"><integrity>Migration\\Step\\UrlRewrite\\Version191to2000</integrity>"
        "<data>Migration\\Step\\UrlRewrite\\Version191to2000</data>"
        "<volume>Migration\\Step\\UrlRewrite\\Version191to2000</volume></step>\n"
        "  </steps>\n{2}"
        "  <source><database host=\"{0}\" name=\"rewrite_m1\" user=\"root\"/></source>\n"
        "  <destination><database host=\"{0}\" name=\"rewrite_m2\" user=\"root\"/></destination>\n"
        "  <options><map_file>map.xml</map_file>{1}</options>\n</config>\n",
        server().socket().string(), options, deltaSteps);
  }

  static MariaDbServer& server() { return MariaDbServer::instance(); }
  CommandResult m2stage(const std::string& command, const std::string& extra = "") {
    return runM2stage(command + " " + (directory_ / "config.xml").string() + " --stage " + stage_.string() + " " + extra);
  }
  Rows rows(const std::string& sql) { return server().connect("rewrite_m2")->query(sql); }

  std::filesystem::path directory_, stage_;
};

TEST_F(UrlRewriteTest, RewritesProductCategoriesAndCmsPagesLandWithDuplicatesReported) {
  auto extracted = m2stage("extract");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  auto transformed = m2stage("transform");
  ASSERT_EQ(transformed.exitCode, 0) << transformed.output;
  EXPECT_EQ(transformed.output.find("do not cover yet"), std::string::npos) << transformed.output;
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;

  const std::optional<std::string> null;
  EXPECT_EQ(rows("SELECT url_rewrite_id, entity_type, entity_id, request_path, target_path, redirect_type, store_id, "
                 "description, is_autogenerated, metadata FROM url_rewrite ORDER BY url_rewrite_id"),
            (Rows{{"1", "category", "4", "shoes.html", "catalog/category/view/id/4", "0", "1", null, "1", null},
                  // 2 (custom 'Red-Shoe.html') collides with the system rewrite 3: dropped.
                  {"3", "product", "12", "red-shoe.html", "catalog/product/view/id/12", "0", "1", null, "1", null},
                  {"4", "product", "12", "shoes/red-shoe.html", "catalog/product/view/id/12/category/4", "0", "1", null,
                   "1", R"({"category_id":"4"})"},
                  {"5", "product", "12", "schuhe/rot.html", "catalog/product/view/id/12/category/4", "0", "2", null, "1",
                   R"({"category_id":"4"})"},
                  {"6", "custom", "0", "old-shoes.html", "shoes.html", "301", "1", null, "0", null},
                  {"7", "custom", "0", "sale", "https://example.com/sale", "302", "2", "promo", "0", null},
                  // 8 ('sale' again in store 2): the lower id 7 is kept. CMS page 1 (store 0 -> 1);
                  // page 2 is inactive; page 3's 'sale' is taken in store 2.
                  {"9", "cms-page", "1", "about-us", "cms/page/view/page_id/1", "0", "1", null, "1", null}}));
  EXPECT_EQ(rows("SELECT url_rewrite_id, category_id, product_id FROM catalog_url_rewrite_product_category "
                 "ORDER BY url_rewrite_id"),
            (Rows{{"4", "4", "12"}, {"5", "4", "12"}}));

  SQLite::Database stage(stage_.string());
  SQLite::Statement findings(stage, "SELECT document, fields, severity, message FROM finding "
                                    "WHERE kind = 'url_rewrite_duplicate' ORDER BY finding_id");
  std::vector<std::vector<std::string>> found;
  while (findings.executeStep())
    found.push_back({findings.getColumn(0).getString(), findings.getColumn(1).getString(), findings.getColumn(2).getString(),
                     findings.getColumn(3).getString()});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0][0], "core_url_rewrite");
  EXPECT_EQ(found[0][1], "request_path,store_id");
  EXPECT_EQ(found[0][2], "warning");
  EXPECT_NE(found[0][3].find("request_path 'Red-Shoe.html' store_id=1: core_url_rewrite url_rewrite_id=2 (custom) is "
                             "dropped; core_url_rewrite url_rewrite_id=3 (system) is kept"),
            std::string::npos)
      << found[0][3];
  EXPECT_NE(found[1][3].find("request_path 'sale' store_id=2: core_url_rewrite url_rewrite_id=8 (custom) is dropped; "
                             "core_url_rewrite url_rewrite_id=7 (custom) is kept"),
            std::string::npos)
      << found[1][3];
  EXPECT_EQ(found[2][0], "cms_page");
  EXPECT_NE(found[2][3].find("the cms-page rewrite of cms_page page_id=3 is dropped; core_url_rewrite url_rewrite_id=7"),
            std::string::npos)
      << found[2][3];
  // Volume: Magento 2 holds what was staged; load verified both documents.
  SQLite::Statement mismatches(stage, "SELECT COUNT(*) FROM finding WHERE kind IN ('volume_mismatch', 'content_mismatch')");
  mismatches.executeStep();
  EXPECT_EQ(mismatches.getColumn(0).getInt64(), 0);
  SQLite::Statement loadedDocuments(stage, "SELECT document, target, state, rows FROM document WHERE step = 'load' "
                                           "AND target IN ('url_rewrite', 'catalog_url_rewrite_product_category') "
                                           "ORDER BY document");
  std::vector<std::string> documents;
  while (loadedDocuments.executeStep())
    documents.push_back(fmt::format("{} {} {} {}", loadedDocuments.getColumn(0).getString(),
                                    loadedDocuments.getColumn(1).getString(), loadedDocuments.getColumn(2).getString(),
                                    loadedDocuments.getColumn(3).getInt64()));
  EXPECT_EQ(documents, (std::vector<std::string>{"core_url_rewrite url_rewrite done 7",
                                                 "core_url_rewrite:catalog_url_rewrite_product_category "
                                                 "catalog_url_rewrite_product_category done 2"}));
}

// The URL rewrite delta (m2stage's own; upstream has none for 1.9). After the full run Magento 2
// holds 1, 3-7 and the CMS rewrite of page 1 at id 9 (after Magento 1's highest, 8).
TEST_F(UrlRewriteTest, DeltaCarriesNewChangedAndDeletedRewritesAndMovesTheCmsRewriteOffATakenId) {
  writeMapAndConfig("", true);
  auto extracted = m2stage("extract");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  ASSERT_EQ(rows("SELECT url_rewrite_id, entity_type FROM url_rewrite WHERE url_rewrite_id = 9"), (Rows{{"9", "cms-page"}}));

  server().runSql("rewrite_m1", R"(
    -- New rewrites of a new product: 9 is the id the CMS rewrite of page 1 has in Magento 2.
    INSERT INTO core_url_rewrite (url_rewrite_id, store_id, id_path, request_path, target_path, is_system, options,
                                  description, category_id, product_id) VALUES
      (9, 1, 'product/13/4', 'shoes/blue-shoe.html', 'catalog/product/view/id/13/category/4', 1, '', NULL, 4, 13),
      (10, 1, 'product/13', 'blue-shoe.html', 'catalog/product/view/id/13', 1, '', NULL, NULL, 13),
      -- 'sale' in store 2 belongs to the custom rewrite 7 (lower id): this one is dropped.
      (11, 2, '1700000001_1', 'SALE', 'sale-3', 0, 'RP', NULL, NULL, NULL);
    -- A renamed URL key, a product moved to another category, a redirect turned temporary.
    UPDATE core_url_rewrite SET request_path = 'shoes/crimson-shoe.html' WHERE url_rewrite_id = 4;
    UPDATE core_url_rewrite SET category_id = 5, target_path = 'catalog/product/view/id/12/category/5'
      WHERE url_rewrite_id = 5;
    UPDATE core_url_rewrite SET request_path = 'older-shoes.html', options = 'R' WHERE url_rewrite_id = 6;
    DELETE FROM core_url_rewrite WHERE url_rewrite_id = 1;
  )");
  auto delta = m2stage("extract", "--delta");
  ASSERT_EQ(delta.exitCode, 0) << delta.output;
  auto deltaLoad = m2stage("load", "--delta");
  ASSERT_EQ(deltaLoad.exitCode, 0) << deltaLoad.output;

  const std::optional<std::string> null;
  const std::string rewriteQuery = "SELECT url_rewrite_id, entity_type, entity_id, request_path, target_path, redirect_type, "
                                   "store_id, description, is_autogenerated, metadata FROM url_rewrite ORDER BY url_rewrite_id";
  const std::string categoryQuery = "SELECT url_rewrite_id, category_id, product_id FROM catalog_url_rewrite_product_category "
                                    "ORDER BY url_rewrite_id";
  const Rows expected{
      // 1 deleted in Magento 1.
      {"3", "product", "12", "red-shoe.html", "catalog/product/view/id/12", "0", "1", null, "1", null},
      {"4", "product", "12", "shoes/crimson-shoe.html", "catalog/product/view/id/12/category/4", "0", "1", null, "1",
       R"({"category_id":"4"})"},
      {"5", "product", "12", "schuhe/rot.html", "catalog/product/view/id/12/category/5", "0", "2", null, "1",
       R"({"category_id":"5"})"},
      {"6", "custom", "0", "older-shoes.html", "shoes.html", "302", "1", null, "0", null},
      {"7", "custom", "0", "sale", "https://example.com/sale", "302", "2", "promo", "0", null},
      {"9", "product", "13", "shoes/blue-shoe.html", "catalog/product/view/id/13/category/4", "0", "1", null, "1",
       R"({"category_id":"4"})"},
      {"10", "product", "13", "blue-shoe.html", "catalog/product/view/id/13", "0", "1", null, "1", null},
      // The CMS rewrite moved off id 9, above Magento 2's and the run's highest id (11).
      {"12", "cms-page", "1", "about-us", "cms/page/view/page_id/1", "0", "1", null, "1", null}};
  EXPECT_EQ(rows(rewriteQuery), expected);
  const Rows expectedCategories{{"4", "4", "12"}, {"5", "5", "12"}, {"9", "4", "13"}};
  EXPECT_EQ(rows(categoryQuery), expectedCategories);

  std::int64_t deltaRun = 0;
  auto deltaFindings = [&] {
    SQLite::Database stage(stage_.string());
    deltaRun = stage.execAndGet("SELECT MAX(run_id) FROM run WHERE kind = 'delta'").getInt64();
    SQLite::Statement read(stage, "SELECT step, document, severity, message FROM finding WHERE run_id = ? AND "
                                  "kind = 'url_rewrite_duplicate' ORDER BY finding_id");
    read.bind(1, deltaRun);
    std::vector<std::string> found;
    while (read.executeStep())
      found.push_back(fmt::format("{} {} {}: {}", read.getColumn(0).getString(), read.getColumn(1).getString(),
                                  read.getColumn(2).getString(), read.getColumn(3).getString()));
    return found;
  };
  const std::vector<std::string> expectedFindings{
      "load core_url_rewrite warning: Duplicate URL rewrite: url_rewrite request_path 'SALE' store_id=2: core_url_rewrite "
      "url_rewrite_id=11 (custom) is dropped; core_url_rewrite url_rewrite_id=7 (custom) is kept (a system rewrite is kept "
      "over a custom one, otherwise the lowest Magento 1 id)"};
  EXPECT_EQ(deltaFindings(), expectedFindings);

  // Nothing pending: a second load changes nothing.
  auto again = m2stage("load", "--delta");
  ASSERT_EQ(again.exitCode, 0) << again.output;
  EXPECT_EQ(rows(rewriteQuery), expected);
  // A load killed after the run's chunks but before it counted as loaded does the step again:
  // Magento 2 and the findings stay as they are.
  {
    SQLite::Database stage(stage_.string(), SQLite::OPEN_READWRITE);
    SQLite::Statement reopen(stage, "UPDATE run_step SET state = 'running', finished_at = NULL WHERE run_id = ? AND step = 'load'");
    reopen.bind(1, deltaRun);
    ASSERT_EQ(reopen.exec(), 1);
  }
  auto redone = m2stage("load", "--delta");
  ASSERT_EQ(redone.exitCode, 0) << redone.output;
  EXPECT_NE(redone.output.find("1 delta runs applied"), std::string::npos) << redone.output;
  EXPECT_EQ(rows(rewriteQuery), expected);
  EXPECT_EQ(rows(categoryQuery), expectedCategories);
  EXPECT_EQ(deltaFindings(), expectedFindings);
  {
    SQLite::Database stage(stage_.string());
    SQLite::Statement applied(stage, "SELECT rows, detail FROM audit WHERE run_id = ? AND event = 'load.url_rewrite.delta' "
                                     "ORDER BY event_id");
    applied.bind(1, deltaRun);
    std::vector<std::string> events;
    while (applied.executeStep())
      events.push_back(fmt::format("{} {}", applied.getColumn(0).getInt64(), applied.getColumn(1).getString()));
    // The step ran twice; the second time the rewrites were written again, nothing else moved.
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0], "6 5 rewrites written, 1 deleted; 1 cms-page rewrites moved to a free id; 1 duplicate rewrites of "
                         "(request_path, store_id) dropped (url_rewrite_duplicate findings); 0 deletes left to a cms-page "
                         "rewrite holding the id");
    EXPECT_EQ(events[1], "5 5 rewrites written, 0 deleted; 0 cms-page rewrites moved to a free id; 1 duplicate rewrites of "
                         "(request_path, store_id) dropped (url_rewrite_duplicate findings); 0 deletes left to a cms-page "
                         "rewrite holding the id");
  }

  // A rewrite Magento 1 creates and deletes between passes with the id the CMS rewrite now has
  // leaves the CMS rewrite alone; a Magento 1 rewrite taking its request path displaces it.
  server().runSql("rewrite_m1", R"(
    INSERT INTO core_url_rewrite (url_rewrite_id, store_id, id_path, request_path, target_path, is_system, options)
      VALUES (12, 1, '1700000002_1', 'gone', 'gone', 0, '');
    DELETE FROM core_url_rewrite WHERE url_rewrite_id = 12;
  )");
  ASSERT_EQ(m2stage("extract", "--delta").exitCode, 0);
  auto secondLoad = m2stage("load", "--delta");
  ASSERT_EQ(secondLoad.exitCode, 0) << secondLoad.output;
  EXPECT_EQ(rows(rewriteQuery), expected);
  server().runSql("rewrite_m1", "INSERT INTO core_url_rewrite (url_rewrite_id, store_id, id_path, request_path, "
                                "target_path, is_system, options) VALUES (14, 1, '1700000003_1', 'About-Us', 'about', 0, 'RP')");
  ASSERT_EQ(m2stage("extract", "--delta").exitCode, 0);
  auto thirdLoad = m2stage("load", "--delta");
  ASSERT_EQ(thirdLoad.exitCode, 0) << thirdLoad.output;
  EXPECT_EQ(rows("SELECT url_rewrite_id, entity_type, request_path, target_path, redirect_type FROM url_rewrite "
                 "WHERE store_id = 1 AND url_rewrite_id >= 12"),
            (Rows{{"14", "custom", "About-Us", "about", "301"}}));
  EXPECT_EQ(deltaFindings(),
            (std::vector<std::string>{"load cms_page warning: Duplicate URL rewrite: url_rewrite request_path 'About-Us' "
                                      "store_id=1: the cms-page rewrite of cms_page page_id=1 is dropped; core_url_rewrite "
                                      "url_rewrite_id=14 (custom) is kept (a CMS page rewrite is added only where the "
                                      "request path is free, as upstream)"}));
}

// Within one delta run, a rewrite whose request path Magento 2 still gives to a rewrite that the
// same run moves away is applied after that move, not dropped against the stale row.
TEST_F(UrlRewriteTest, DeltaDoesNotDropARewriteForAHolderTheSameRunMovesAway) {
  writeMapAndConfig("", true);
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  // The full run dropped custom rewrite 2 ('Red-Shoe.html') for system rewrite 3 ('red-shoe.html').
  ASSERT_EQ(rows("SELECT COUNT(*) FROM url_rewrite WHERE url_rewrite_id = 2")[0][0], "0");

  // Magento 1 moves 3 to a new path and edits 2: in id order 2 comes first, while Magento 2 still
  // has 3 at the old path.
  server().runSql("rewrite_m1", "UPDATE core_url_rewrite SET request_path = 'red-shoe-2.html' WHERE url_rewrite_id = 3; "
                                "UPDATE core_url_rewrite SET description = 'kept' WHERE url_rewrite_id = 2;");
  ASSERT_EQ(m2stage("extract", "--delta").exitCode, 0);
  auto applied = m2stage("load", "--delta");
  ASSERT_EQ(applied.exitCode, 0) << applied.output;
  EXPECT_EQ(rows("SELECT url_rewrite_id, request_path, description FROM url_rewrite WHERE url_rewrite_id IN (2, 3) "
                 "ORDER BY 1"),
            (Rows{{"2", "Red-Shoe.html", "kept"}, {"3", "red-shoe-2.html", std::nullopt}}));
  SQLite::Database stage(stage_.string());
  SQLite::Statement findings(stage, "SELECT COUNT(*) FROM finding f JOIN run r USING (run_id) WHERE r.kind = 'delta' "
                                    "AND f.kind = 'url_rewrite_duplicate'");
  findings.executeStep();
  EXPECT_EQ(findings.getColumn(0).getInt64(), 0);
}

TEST_F(UrlRewriteTest, SkipUrlRewritesLeavesThemToMagento2) {
  writeMapAndConfig("<skip_url_rewrites>1</skip_url_rewrites>");
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_EQ(rows("SELECT url_rewrite_id FROM url_rewrite"), (Rows{{"500"}}));  // untouched
  SQLite::Database stage(stage_.string());
  EXPECT_FALSE(stage.tableExists("m1.core_url_rewrite"));
}

TEST_F(UrlRewriteTest, SkipUrlRewritesLeavesDeltaChangesBehindToo) {
  writeMapAndConfig("<skip_url_rewrites>1</skip_url_rewrites>", true);
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  ASSERT_EQ(m2stage("load").exitCode, 0);
  server().runSql("rewrite_m1", "UPDATE core_url_rewrite SET request_path = 'boots.html' WHERE url_rewrite_id = 1");
  auto delta = m2stage("extract", "--delta");
  ASSERT_EQ(delta.exitCode, 0) << delta.output;
  ASSERT_EQ(m2stage("load", "--delta").exitCode, 0);
  EXPECT_EQ(rows("SELECT url_rewrite_id FROM url_rewrite"), (Rows{{"500"}}));  // untouched
  // The change stays in Magento 1's change log: map.xml ignores the table and no step moves it.
  EXPECT_EQ(server().connect("rewrite_m1")->query("SELECT url_rewrite_id, processed FROM m2_cl_core_url_rewrite"),
            (Rows{{"1", "0"}}));
}

}  // namespace
}  // namespace m2stage::test
