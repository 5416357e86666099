// Extract against the private MariaDB: byte-faithful values through staging and back out,
// parallel readers, and kill -9 in the middle followed by a resumed run.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include "stage/RowTable.hpp"
#include "stage/StageFile.hpp"
#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

constexpr const char* kAllTypesTable = R"SQL(
CREATE TABLE all_types (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  t_tiny TINYINT, t_small SMALLINT UNSIGNED, t_medium MEDIUMINT, t_int INT,
  t_big BIGINT, t_ubig BIGINT UNSIGNED,
  t_dec DECIMAL(20,8), t_float FLOAT, t_double DOUBLE,
  t_bit BIT(12), t_enum ENUM('a','b','c'), t_set SET('x','y','z'),
  t_json JSON, t_blob LONGBLOB, t_bin VARBINARY(16), t_char CHAR(5),
  t_latin1 VARCHAR(50) CHARACTER SET latin1, t_utf8 VARCHAR(50) CHARACTER SET utf8mb4, t_text LONGTEXT,
  t_date DATE, t_datetime DATETIME, t_datetime6 DATETIME(6), t_ts TIMESTAMP NULL DEFAULT NULL,
  t_time TIME, t_year YEAR, t_empty VARCHAR(10)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
)SQL";

constexpr const char* kAllTypesRows = R"SQL(
SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO';
INSERT INTO all_types (id) VALUES (1);
INSERT INTO all_types VALUES (2, -128, 65535, -8388608, -2147483648, -9223372036854775808, 18446744073709551615,
  -123456789012.12345678, 3.14159274, 2.2250738585072014e-308, b'101010101010', 'c', 'x,z',
  '{"a": [1, 2.5, "\\u00e9"]}', X'00FF000A0D5C27', X'0000', 'ab', _latin1 X'E9E8A4FF', _utf8mb4 X'F09F9880', REPEAT('long', 250000),
  '0000-00-00', '0000-00-00 00:00:00', '2024-02-29 23:59:59.999999', '2038-01-19 03:14:07', '-838:59:59', 2155, '');
INSERT INTO all_types VALUES (3, 127, 0, 8388607, 2147483647, 9223372036854775807, 0,
  99999999999.99999999, 1.17549435e-38, 0.1, b'0', 'a', '', 'null', '', X'', '', '', '', '',
  '1000-01-01', '9999-12-31 23:59:59', '1970-01-01 00:00:00.000001', '1970-01-01 00:00:01', '00:00:00', 1901, 'x');
INSERT INTO all_types VALUES (0, 0, 0, 0, 0, 0, 0, 0, -0.0, 1e308, b'111111111111', 'b', 'x,y,z', '[]', 'text in a blob', 'bin',
  'tab	', 'plain', 'quote '' and \\ backslash', CONCAT('multi', CHAR(10), 'line'), '2000-02-30', '2024-06-01 12:00:00',
  '2024-06-01 12:00:00.5', '2024-06-01 12:00:00', '12:34:56.789', 0, NULL);
)SQL";

class ExtractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = makeTempDir("m2stage-extract");
    stage_ = directory_ / "shop.m2stage";
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }
  static MariaDbServer& server() { return MariaDbServer::instance(); }

  std::filesystem::path config(const std::string& m1, const std::string& m2, const std::string& options = "") {
    return writeConfig(directory_, m1, m2, options);
  }
  CommandResult m2stage(const std::string& command, const std::filesystem::path& configFile, const std::string& extra = "") {
    return runM2stage(command + " " + configFile.string() + " --stage " + stage_.string() + " " + extra);
  }

  std::filesystem::path directory_, stage_;
};

TEST_F(ExtractTest, EveryColumnTypeRoundTripsByteForByte) {
  server().createDatabase("types_m1");
  server().createDatabase("types_m2");
  server().runSql("types_m1", std::string(kAllTypesTable) + kAllTypesRows);
  server().runSql("types_m2", kAllTypesTable);
  // The same values without the binary columns (once written by LOAD DATA, which could not take them).
  std::string textTable = "CREATE TABLE text_types LIKE all_types; ALTER TABLE text_types DROP t_bit, DROP t_blob, DROP t_bin;";
  server().runSql("types_m1", textTable + "SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO'; INSERT INTO text_types SELECT id, t_tiny, t_small, t_medium, t_int, t_big, t_ubig, "
                  "t_dec, t_float, t_double, t_enum, t_set, t_json, t_char, t_latin1, t_utf8, t_text, t_date, t_datetime, "
                  "t_datetime6, t_ts, t_time, t_year, t_empty FROM all_types;");
  server().runSql("types_m2", textTable);
  auto configFile = config("types_m1", "types_m2", "<init_statements_source>SET NAMES utf8;</init_statements_source>");
  for (const char* step : {"extract", "transform", "load"}) {
    auto result = m2stage(step, configFile);
    ASSERT_EQ(result.exitCode, 0) << step << ": " << result.output;
  }
  auto connection = server().connect("types_m1");
  for (auto [table, columnCount] : {std::pair{"all_types", 27u}, std::pair{"text_types", 24u}}) {
    auto columns = connection->query(fmt::format(
        "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'types_m1' AND TABLE_NAME = '{}'", table));
    ASSERT_EQ(columns.size(), columnCount);
    EXPECT_EQ(connection->queryValue(fmt::format("SELECT COUNT(*) FROM types_m2.{}", table)), "4") << table;
    for (const auto& column : columns) {
      std::string name = *column[0];
      // Compared on the server: same value and the same bytes, NULL only where NULL.
      auto differing = connection->queryValue(fmt::format(
          "SELECT COUNT(*) FROM types_m1.{1} a LEFT JOIN types_m2.{1} b USING (id) "
          "WHERE NOT (a.`{0}` <=> b.`{0}`) OR NOT (BINARY CAST(a.`{0}` AS CHAR) <=> BINARY CAST(b.`{0}` AS CHAR)) "
          "OR NOT (HEX(a.`{0}`) <=> HEX(b.`{0}`))",
          name, table));
      EXPECT_EQ(differing, "0") << table << "." << name;
    }
  }
  // The staging file keeps NULL apart from '' and binary as BLOB.
  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM \"m1.all_types\" WHERE t_empty IS NULL").getInt(), 2);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM \"m1.all_types\" WHERE t_empty = ''").getInt(), 1);
  EXPECT_EQ(stage.execAndGet("SELECT typeof(t_blob) FROM \"m1.all_types\" WHERE id = 2").getString(), "blob");
  EXPECT_EQ(stage.execAndGet("SELECT hex(t_blob) FROM \"m1.all_types\" WHERE id = 2").getString(), "00FF000A0D5C27");
  EXPECT_EQ(stage.execAndGet("SELECT t_date FROM \"m1.all_types\" WHERE id = 2").getString(), "0000-00-00");
  EXPECT_EQ(stage.execAndGet("SELECT t_dec FROM \"m1.all_types\" WHERE id = 2").getString(), "-123456789012.12345678");
  EXPECT_EQ(stage.execAndGet("SELECT t_ubig FROM \"m1.all_types\" WHERE id = 2").getString(), "18446744073709551615");
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM audit WHERE event = 'load.chunk' AND document = 'text_types' "
                             "AND detail LIKE '% by bulk insert'").getInt(), 1);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM audit WHERE event = 'load.chunk' AND document = 'all_types' "
                             "AND detail LIKE '% by bulk insert'").getInt(), 1);
  // Text is staged as UTF-8: latin1 converted, 4-byte UTF-8 as it is.
  EXPECT_EQ(stage.execAndGet("SELECT hex(t_latin1) || ' ' || hex(t_utf8) FROM \"m1.all_types\" WHERE id = 2").getString(),
            "C3A9C3A8C2A4C3BF F09F9880");
}

// Extract's readers receive text as stored; they set that after the init statements, whose
// SET NAMES would otherwise decide the bytes staged. Staged text is UTF-8 whatever they say.
TEST_F(ExtractTest, StagedTextIsUtf8WhateverCharacterSetTheInitStatementsChoose) {
  server().createDatabase("names_m1");
  server().runSql("names_m1", "CREATE TABLE t (id INT PRIMARY KEY, l VARCHAR(10) CHARACTER SET latin1, "
                              "u VARCHAR(10) CHARACTER SET utf8mb4, e ENUM('\xc3\xa9', 'b') CHARACTER SET latin1) "
                              "DEFAULT CHARSET=utf8mb3;"
                              "INSERT INTO t VALUES (1, _latin1 X'E9', _utf8mb4 X'F09F9880C3A9', _latin1 X'E9');");
  auto configFile = config("names_m1", "names_m1", "<init_statements_source>SET NAMES latin1</init_statements_source>");
  auto result = m2stage("extract", configFile);
  ASSERT_EQ(result.exitCode, 0) << result.output;
  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT hex(l) || ' ' || hex(u) || ' ' || hex(e) FROM \"m1.t\"").getString(),
            "C3A9 F09F9880C3A9 C3A9");
}

// Many small documents and one larger one, read by several connections at once.
void createShop(const std::string& database, int tables, int rowsPerTable) {
  std::string sql;
  for (int t = 0; t < tables; ++t) {
    sql += fmt::format("CREATE TABLE doc_{0} (id INT NOT NULL PRIMARY KEY, a VARCHAR(40), b DECIMAL(12,4));\n", t);
    sql += fmt::format("INSERT INTO doc_{0} SELECT seq, CONCAT('row ', seq), seq / 7 FROM seq_1_to_{1};\n", t,
                       rowsPerTable * (t + 1));
  }
  sql += "CREATE TABLE no_key (a INT, b TEXT);\nINSERT INTO no_key SELECT seq % 3, REPEAT('z', seq % 50) FROM seq_1_to_500;\n";
  sql += "CREATE TABLE composite (x INT NOT NULL, y VARCHAR(10) NOT NULL, v INT, PRIMARY KEY (x, y));\n"
         "INSERT INTO composite SELECT seq % 10, CONCAT('k', seq), seq FROM seq_1_to_3000;\n";
  MariaDbServer::instance().createDatabase(database);
  MariaDbServer::instance().runSql(database, sql);
}

std::string tableChecksums(const std::string& database) {
  auto connection = MariaDbServer::instance().connect(database);
  std::string all;
  for (auto& row : connection->query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" +
                                     database + "' ORDER BY TABLE_NAME")) {
    auto checksum = connection->query("CHECKSUM TABLE `" + *row[0] + "`");
    all += *row[0] + "=" + checksum[0][1].value_or("NULL") + "\n";
  }
  return all;
}

TEST_F(ExtractTest, ParallelReadersStageEveryRowOnce) {
  createShop("par_m1", 6, 2000);
  createShop("par_m2", 6, 0);
  server().runSql("par_m2", "DELETE FROM no_key; DELETE FROM composite;");
  auto configFile = config("par_m1", "par_m2", "<bulk_size>700</bulk_size>");
  auto extracted = m2stage("extract", configFile, "--jobs 3");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  {
    // Each chunk's recorded checksum is the hash of the values it staged.
    stage::StageFile stage(stage_, stage::StageFile::OpenMode::MustExist);
    SQLite::Statement chunks(stage.db(), "SELECT document, first_rowid, last_rowid, checksum FROM chunk WHERE step = 'extract'");
    int checked = 0;
    while (chunks.executeStep()) {
      std::string document = chunks.getColumn(0).getString();
      stage::RowTable table(stage, "m1", document);
      stage::RowTable::Reader rows(stage, table.name(), table.columns(), chunks.getColumn(1).getInt64(),
                                   chunks.getColumn(2).getInt64());
      stage::RowChecksum checksum;
      while (rows.next()) checksum.add(rows.values());
      EXPECT_EQ(checksum.hex(), chunks.getColumn(3).getString()) << document;
      ++checked;
    }
    EXPECT_GT(checked, 6);
  }
  ASSERT_EQ(m2stage("load", configFile, "--jobs 3").exitCode, 0);
  EXPECT_EQ(tableChecksums("par_m2"), tableChecksums("par_m1"));
}

TEST_F(ExtractTest, KilledExtractResumesToTheSameStagedRowsAsACleanRun) {
  createShop("kill_m1", 4, 30000);
  auto configFile = config("kill_m1", "kill_m1", "<bulk_size>500</bulk_size>");
  // A clean run, for comparison.
  auto cleanStage = directory_ / "clean.m2stage";
  ASSERT_EQ(runM2stage("extract " + configFile.string() + " --stage " + cleanStage.string() + " --jobs 1").exitCode, 0);

  // Kill -9 after the first chunks are committed, then run the same command again.
  pid_t child = startM2stage({"extract", configFile.string(), "--stage", stage_.string(), "--jobs", "2", "-q"});
  bool killedMidway = waitForStage(child, stage_, "SELECT COUNT(*) FROM chunk", 20);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(killedMidway) << "extract finished before it could be killed";
  ASSERT_TRUE(WIFSIGNALED(status));

  auto resumed = m2stage("extract", configFile, "--jobs 2");
  ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("continuing run 1"), std::string::npos) << resumed.output;

  SQLite::Database clean(cleanStage.string());
  SQLite::Database killed(stage_.string());
  for (const char* table : {"doc_0", "doc_1", "doc_2", "doc_3", "no_key", "composite"}) {
    std::string query = fmt::format("SELECT COUNT(*), COUNT(DISTINCT {1}), TOTAL(length(CAST({2} AS BLOB))) FROM \"m1.{0}\"",
                                    table, std::string(table) == "composite" ? "x || '/' || y" : (std::string(table) == "no_key" ? "rowid" : "id"),
                                    std::string(table) == "no_key" ? "b" : (std::string(table) == "composite" ? "v" : "a"));
    SQLite::Statement a(clean, query), b(killed, query);
    ASSERT_TRUE(a.executeStep());
    ASSERT_TRUE(b.executeStep());
    EXPECT_EQ(a.getColumn(0).getInt64(), b.getColumn(0).getInt64()) << table << ": row count";
    EXPECT_EQ(a.getColumn(1).getInt64(), b.getColumn(1).getInt64()) << table << ": distinct keys";
    EXPECT_EQ(a.getColumn(2).getDouble(), b.getColumn(2).getDouble()) << table << ": bytes";
  }
  EXPECT_EQ(killed.execAndGet("SELECT COUNT(*) FROM \"m1.doc_3\"").getInt(), 120000);
  // With two jobs the large documents were read in two key ranges at once, and resumed as such;
  // chunk numbers stay 0..n-1 in commit order, as transform and load expect.
  EXPECT_EQ(killed.execAndGet("SELECT COUNT(*) FROM extract_part WHERE document = 'doc_3' AND state = 'done'").getInt(), 2);
  EXPECT_EQ(killed.execAndGet("SELECT COUNT(*) FROM audit WHERE event = 'extract.document.start' AND document = 'doc_3' "
                              "AND detail = 'in 2 parts by id'").getInt(), 1);
  EXPECT_GE(killed.execAndGet("SELECT COUNT(*) FROM audit WHERE event = 'extract.document.resume' AND detail = 'in 2 parts'").getInt(), 1)
      << killed.execAndGet("SELECT group_concat(event || ' ' || IFNULL(document, '') || ' ' || IFNULL(detail, ''), char(10)) "
                           "FROM audit WHERE event NOT IN ('extract.chunk')").getString();
  EXPECT_EQ(killed.execAndGet("SELECT COUNT(*) = MAX(chunk_no) + 1 FROM chunk WHERE step = 'extract' AND document = 'doc_3'").getInt(), 1);
  EXPECT_EQ(killed.execAndGet("SELECT COUNT(DISTINCT document) FROM extract_part").getInt(), 4) << "doc_0..doc_3";
  EXPECT_EQ(clean.execAndGet("SELECT COUNT(*) FROM extract_part").getInt(), 0) << "--jobs 1 splits nothing";
}


TEST_F(ExtractTest, ChangesDuringExtractAreInTheSnapshotOrInAChangeLog) {
  server().createDatabase("live_m1");
  server().runSql("live_m1", "CREATE TABLE orders (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, v VARCHAR(40));"
                             "INSERT INTO orders SELECT seq, CONCAT('v', seq) FROM seq_1_to_60000;");
  std::ofstream(directory_ / "deltalog.xml")
      << "<groups><group name=\"delta_map\"><document key=\"id\">orders</document></group></groups>";
  auto configFile = config("live_m1", "live_m1", "<bulk_size>500</bulk_size><delta_document_groups_file>deltalog.xml"
                                                 "</delta_document_groups_file>");
  pid_t child = startM2stage({"extract", configFile.string(), "--stage", stage_.string(), "--jobs", "1", "-q"});
  // Write while extract runs: updates, deletes and inserts, remembering every key touched.
  std::set<int> touched;
  auto connection = server().connect("live_m1");
  std::mt19937 random(11);
  int status = 0;
  int writes = 0;
  while (waitpid(child, &status, WNOHANG) == 0) {
    int id = 1 + static_cast<int>(random() % 61000);
    switch (random() % 3) {
      case 0: connection->execute(fmt::format("UPDATE orders SET v = 'changed-{}' WHERE id = {}", writes, id)); break;
      case 1: connection->execute(fmt::format("DELETE FROM orders WHERE id = {}", id)); break;
      default: connection->execute(fmt::format("REPLACE INTO orders VALUES ({}, 'inserted-{}')", id, writes)); break;
    }
    touched.insert(id);
    ++writes;
  }
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ASSERT_GT(writes, 50) << "extract ended before the writer got going";

  // Every touched key: its staged row equals Magento 1 now, or the change-log has it pending.
  std::map<int, std::optional<std::string>> now, staged;
  std::set<int> pending;
  for (auto& row : connection->query("SELECT id, v FROM orders")) {
    int id = std::stoi(*row[0]);
    if (touched.contains(id)) now[id] = row[1];
  }
  for (auto& row : connection->query("SELECT id FROM m2_cl_orders WHERE processed = 0")) pending.insert(std::stoi(*row[0]));
  SQLite::Database stage(stage_.string());
  SQLite::Statement query(stage, "SELECT id, v FROM \"m1.orders\" WHERE _run = 1");
  while (query.executeStep()) {
    int id = query.getColumn(0).getInt();
    if (touched.contains(id)) staged[id] = query.getColumn(1).getString();
  }
  int missed = 0, inChangeLog = 0;
  for (int id : touched) {
    auto current = now.contains(id) ? now[id] : std::nullopt;
    auto snapshot = staged.contains(id) ? staged[id] : std::nullopt;
    if (pending.contains(id)) {
      ++inChangeLog;
    } else if (current != snapshot) {
      ++missed;
      ADD_FAILURE() << "key " << id << " changed but is neither in the snapshot nor in the change-log";
      if (missed > 5) break;
    }
  }
  EXPECT_EQ(missed, 0);
  EXPECT_GT(inChangeLog, 0) << "the writer's changes should reach the change-log";
}

}  // namespace
}  // namespace m2stage::test
