// Transform killed with kill -9 in the middle and run again ends with the same staged Magento 2
// rows, side-effect rows, findings and counts as a transform that was never interrupted: each
// chunk's rows, findings and progress commit together, and a rerun continues after the last one.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

// orders is renamed, with a moved field and three handlers (every 997th info value is broken);
// gallery feeds the side-effect handler Gallery\InsertValueToEntity; plain_log has no key;
// orphan is not in Magento 2 (an integrity warning with --auto).
const char* kMagento1 = R"SQL(
CREATE TABLE orders (entity_id INT NOT NULL PRIMARY KEY, increment_id VARCHAR(20), sort_order INT,
                     info TEXT, note VARCHAR(40));
INSERT INTO orders SELECT seq, CONCAT('1000', seq), seq % 50,
  IF(seq % 997 = 0, 'broken', CONCAT('a:2:{s:1:"n";i:', seq, ';s:1:"s";s:', LENGTH(CONCAT('v/', seq)), ':"v/', seq, '";}')),
  IF(seq % 3 = 0, NULL, CONCAT('note ', seq)) FROM seq_1_to_24000;
CREATE TABLE gallery (value_id INT NOT NULL PRIMARY KEY, entity_id INT);
INSERT INTO gallery SELECT seq, seq DIV 4 FROM seq_1_to_12000;
CREATE TABLE plain_log (a INT, b VARCHAR(20));
INSERT INTO plain_log SELECT seq % 7, CONCAT('x', seq) FROM seq_1_to_3000;
CREATE TABLE orphan (id INT NOT NULL PRIMARY KEY);
INSERT INTO orphan VALUES (1), (2);
)SQL";

const char* kMagento2 = R"SQL(
CREATE TABLE sales_order (entity_id INT NOT NULL PRIMARY KEY, increment_id VARCHAR(32), sort_order INT,
                          info TEXT, customer_note VARCHAR(40));
CREATE TABLE gallery (value_id INT NOT NULL PRIMARY KEY, entity_id INT);
CREATE TABLE catalog_product_entity_media_gallery_value_to_entity (value_id INT NOT NULL, entity_id INT NOT NULL,
                                                                   PRIMARY KEY (value_id, entity_id));
CREATE TABLE plain_log (a INT, b VARCHAR(20));
)SQL";

const char* kMap = R"XML(<map>
<source>
  <document_rules><rename><document>orders</document><to>sales_order</to></rename></document_rules>
  <field_rules>
    <move><field>orders.note</field><to>sales_order.customer_note</to></move>
    <transform><field>orders.increment_id</field>
      <handler class="\Migration\Handler\AddPrefix"><param name="prefix" value="m1-"/></handler></transform>
    <transform><field>orders.sort_order</field>
      <handler class="\Migration\Handler\SetValue"><param name="value" value="+100"/></handler></transform>
    <transform><field>orders.info</field><handler class="\Migration\Handler\SerializeToJson"/></transform>
    <transform><field>gallery.value_id</field><handler class="Migration\Handler\Gallery\InsertValueToEntity"/></transform>
  </field_rules>
</source>
<destination>
  <document_rules><ignore><document>catalog_product_entity_media_gallery_value_to_entity</document></ignore></document_rules>
</destination>
</map>
)XML";

class TransformResumeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server().createDatabase("xr_m1");
    server().runSql("xr_m1", kMagento1);
    server().createDatabase("xr_m2");
    server().runSql("xr_m2", kMagento2);
    directory_ = makeTempDir("m2stage-transform-resume");
    auto map = directory_ / "map.xml";
    std::ofstream(map) << kMap;
    config_ = writeConfig(directory_, "xr_m1", "xr_m2", "<map_file>" + map.string() + "</map_file><bulk_size>100</bulk_size>");
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }
  static MariaDbServer& server() { return MariaDbServer::instance(); }

  CommandResult m2stage(const std::string& command, const std::filesystem::path& stage, const std::string& extra = "") {
    return runM2stage(command + " " + config_.string() + " --stage " + stage.string() + " " + extra);
  }

  std::filesystem::path directory_, config_;
};

// Every row of a query, its cells as text joined with "|", in the query's order.
std::vector<std::string> rows(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement query(db, sql);
  std::vector<std::string> result;
  while (query.executeStep()) {
    std::string line;
    for (int i = 0; i < query.getColumnCount(); ++i) line += (i ? "|" : "") + query.getColumn(i).getString();
    result.push_back(std::move(line));
  }
  return result;
}

// The staged Magento 2 tables ("m2.<document>", side-effect rows included) with all their rows,
// every column (with _run, _op and _chunk) quote()d, sorted.
std::map<std::string, std::vector<std::string>> stagedMagento2(SQLite::Database& db) {
  std::map<std::string, std::vector<std::string>> tables;
  for (const auto& table : rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'm2.%'")) {
    std::string quotedTable = "\"" + table + "\"";
    std::string cells;
    for (const auto& column : rows(db, fmt::format("SELECT name FROM pragma_table_info('{}')", table)))
      cells += (cells.empty() ? "" : " || '|' || ") + fmt::format("quote(\"{}\")", column);
    tables[table] = rows(db, fmt::format("SELECT {0} FROM {1} ORDER BY 1", cells, quotedTable));
  }
  return tables;
}

TEST_F(TransformResumeTest, KilledTransformResumesToTheSameStagedRowsAsACleanRun) {
  // One extract, copied, so both transforms start from the same staged Magento 1 rows.
  auto stage = directory_ / "shop.m2stage";
  auto cleanStage = directory_ / "clean.m2stage";
  ASSERT_EQ(m2stage("extract", stage, "--jobs 1").exitCode, 0);
  ASSERT_FALSE(std::filesystem::exists(stage.string() + "-wal") && std::filesystem::file_size(stage.string() + "-wal") > 0)
      << "extract left an un-checkpointed WAL; copying the file alone would lose rows";
  std::filesystem::copy_file(stage, cleanStage);
  auto clean = m2stage("transform", cleanStage, "--auto");
  ASSERT_EQ(clean.exitCode, 0) << clean.output;

  const std::string transformChunks = "SELECT COUNT(*) FROM chunk WHERE step = 'transform'";
  int extractChunks = 0;
  {
    SQLite::Database db(stage.string(), SQLite::OPEN_READONLY);
    extractChunks = db.execAndGet("SELECT COUNT(*) FROM chunk WHERE step = 'extract'").getInt();
  }
  ASSERT_GT(extractChunks, 300) << "enough chunks to kill transform between them";

  // Kill -9 twice at growing depths, then run the same command to the end.
  int killed = 0;
  for (int depth : {40, 160}) {
    pid_t child = startM2stage({"transform", config_.string(), "--stage", stage.string(), "--auto", "-q"});
    bool midway = waitForStage(child, stage, transformChunks, depth);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    if (midway && WIFSIGNALED(status)) ++killed;
  }
  ASSERT_EQ(killed, 2) << "transform finished before it could be killed";
  {
    SQLite::Database db(stage.string(), SQLite::OPEN_READONLY);
    int done = db.execAndGet(transformChunks).getInt();
    EXPECT_GE(done, 160);
    EXPECT_LT(done, extractChunks) << "killed in the middle, not after the last chunk";
  }
  auto resumed = m2stage("transform", stage, "--auto");
  ASSERT_EQ(resumed.exitCode, 0) << resumed.output;

  SQLite::Database cleanDb(cleanStage.string(), SQLite::OPEN_READONLY);
  SQLite::Database killedDb(stage.string(), SQLite::OPEN_READONLY);
  auto expected = stagedMagento2(cleanDb);
  auto actual = stagedMagento2(killedDb);
  std::string names;
  for (const auto& entry : expected) names += entry.first + " ";
  ASSERT_EQ(expected.size(), 4u) << "sales_order, gallery, the generated rows and plain_log: " << names;
  for (const auto& [table, tableRows] : expected) {
    ASSERT_TRUE(actual.contains(table)) << table;
    EXPECT_EQ(actual[table].size(), tableRows.size()) << table;
    EXPECT_TRUE(actual[table] == tableRows) << table << ": rows differ after the kills";
  }
  // Magento 2 values, not only counts: the handlers ran once per row.
  EXPECT_EQ(rows(killedDb, "SELECT increment_id, sort_order, info, quote(customer_note) FROM \"m2.sales_order\" "
                           "WHERE entity_id IN (3, 4, 997) ORDER BY entity_id"),
            (std::vector<std::string>{"m1-10003|103|{\"n\":3,\"s\":\"v\\/3\"}|NULL",
                                      "m1-10004|104|{\"n\":4,\"s\":\"v\\/4\"}|'note 4'", "m1-1000997|147||'note 997'"}));
  EXPECT_EQ(actual["m2.sales_order"].size(), 24000u);
  EXPECT_EQ(actual["m2.catalog_product_entity_media_gallery_value_to_entity"].size(), 12000u);
  EXPECT_EQ(actual["m2.plain_log"].size(), 3000u);

  // Findings (24 broken values, the unmapped orphan), counts and progress are the clean run's too.
  const std::string findings = "SELECT kind, severity, side, document, fields, message FROM finding ORDER BY 1, 2, 3, 4, 5, 6";
  EXPECT_EQ(rows(killedDb, findings), rows(cleanDb, findings));
  EXPECT_EQ(killedDb.execAndGet("SELECT COUNT(*) FROM finding WHERE kind = 'data_incompatibility'").getInt(), 24);
  const std::string counts = "SELECT * FROM transform_counts ORDER BY document";
  EXPECT_EQ(rows(killedDb, counts), rows(cleanDb, counts));
  const std::string progress = "SELECT document, chunk_no, rows, checksum FROM chunk WHERE step = 'transform' ORDER BY 1, 2";
  EXPECT_EQ(rows(killedDb, progress), rows(cleanDb, progress));
  int cleanChunks = cleanDb.execAndGet(transformChunks).getInt();
  EXPECT_EQ(killedDb.execAndGet(transformChunks).getInt(), cleanChunks);
  const std::string chunkEvents = "SELECT COUNT(*) FROM audit WHERE event = 'transform.chunk'";
  EXPECT_EQ(killedDb.execAndGet(chunkEvents).getInt(), cleanDb.execAndGet(chunkEvents).getInt())
      << "no chunk was transformed twice";
}

}  // namespace
}  // namespace m2stage::test
