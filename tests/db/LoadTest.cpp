// Load against the private MariaDB: kill -9 at several points ends as a clean load, unique-key
// collisions are reported (never merged), server coercions become findings, the content check
// catches a tampered row and the volume check a deleted one, a run replays into a restored
// destination, unready runs and a drifted destination are refused, a connection killed in the
// middle of a chunk is reconnected, load --follow keeps up with an extract running beside it, bulk
// batches stay under the server's max_allowed_packet, and UTF-8 text goes as bytes.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include "load/DestinationCheck.hpp"
#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

// `tables` documents doc_<n> with (t+1)*rowsPerTable rows, a keyless one and a composite-key one.
std::string shopSql(int tables, int rowsPerTable, bool withRows) {
  std::string sql;
  for (int t = 0; t < tables; ++t) {
    sql += fmt::format("CREATE TABLE doc_{0} (id INT NOT NULL PRIMARY KEY, a VARCHAR(40), b DECIMAL(12,4), f FLOAT);\n", t);
    if (withRows)
      sql += fmt::format("INSERT INTO doc_{0} SELECT seq, CONCAT('row ', seq), seq / 7, seq / 3 FROM seq_1_to_{1};\n", t,
                         rowsPerTable * (t + 1));
  }
  sql += "CREATE TABLE no_key (a INT, b TEXT);\n";
  sql += "CREATE TABLE composite (x INT NOT NULL, y VARCHAR(10) NOT NULL, v INT, PRIMARY KEY (x, y));\n";
  if (withRows) {
    sql += "INSERT INTO no_key SELECT seq % 3, REPEAT('z', seq % 50) FROM seq_1_to_500;\n";
    sql += "INSERT INTO composite SELECT seq % 10, CONCAT('k', seq), seq FROM seq_1_to_3000;\n";
  }
  return sql;
}

std::string tableChecksums(const std::string& database) {
  auto connection = MariaDbServer::instance().connect(database);
  std::string all;
  for (auto& row : connection->query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" +
                                     database + "' AND TABLE_NAME NOT LIKE 'm2\\_cl\\_%' ORDER BY TABLE_NAME")) {
    auto checksum = connection->query("CHECKSUM TABLE `" + *row[0] + "`");
    all += *row[0] + "=" + checksum[0][1].value_or("NULL") + "\n";
  }
  return all;
}

class LoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = makeTempDir("m2stage-load");
    stage_ = directory_ / "shop.m2stage";
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }
  static MariaDbServer& server() { return MariaDbServer::instance(); }

  // A config in its own folder (writeConfig always writes config.xml).
  std::filesystem::path config(const std::string& name, const std::string& m1, const std::string& m2,
                               const std::string& options = "") {
    auto folder = directory_ / name;
    std::filesystem::create_directories(folder);
    return writeConfig(folder, m1, m2, options);
  }
  CommandResult m2stage(const std::string& command, const std::filesystem::path& configFile, const std::string& extra = "",
                        const std::filesystem::path& stage = {}) {
    return runM2stage(command + " " + configFile.string() + " --stage " + (stage.empty() ? stage_ : stage).string() +
                      " " + extra);
  }
  // Databases <name>_m1 and <name>_m2 made by `m1Sql` and `m2Sql`, and a config for the pair.
  std::filesystem::path twoDatabases(const std::string& name, const std::string& m1Sql, const std::string& m2Sql,
                                     const std::string& options = "") {
    for (const auto& [database, sql] : {std::pair{name + "_m1", m1Sql}, std::pair{name + "_m2", m2Sql}}) {
      server().createDatabase(database);
      server().runSql(database, sql);
    }
    return config(name, name + "_m1", name + "_m2", options);
  }
  void createShop(const std::string& m1, const std::string& m2, int tables, int rows) {
    server().createDatabase(m1);
    server().runSql(m1, shopSql(tables, rows, true));
    server().createDatabase(m2);
    server().runSql(m2, shopSql(tables, rows, false));
  }
  int count(const std::string& sql) {
    SQLite::Database stage(stage_.string(), SQLite::OPEN_READONLY);
    stage.setBusyTimeout(10000);  // load may be writing it
    return stage.execAndGet(sql).getInt();
  }

  std::filesystem::path directory_, stage_;
};

// Polls the staging file until `sql` gives at least `atLeast`, then kills the child; false if it ended first.
bool killWhen(pid_t child, const std::filesystem::path& stage, const std::string& sql, int atLeast) {
  bool reached = waitForStage(child, stage, sql, atLeast);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  return reached && WIFSIGNALED(status);
}

TEST_F(LoadTest, KilledLoadsResumeToTheSameTablesAsACleanLoad) {
  createShop("lk_m1", "lk_clean", 4, 25000);
  server().createDatabase("lk_m2");
  server().runSql("lk_m2", shopSql(4, 0, false));
  auto cleanConfig = config("clean", "lk_m1", "lk_clean", "<bulk_size>300</bulk_size>");
  auto killConfig = config("kill", "lk_m1", "lk_m2", "<bulk_size>300</bulk_size>");
  ASSERT_EQ(m2stage("extract", cleanConfig).exitCode, 0);
  ASSERT_EQ(m2stage("transform", cleanConfig).exitCode, 0);
  auto cleanStage = directory_ / "clean.m2stage";
  std::filesystem::copy_file(stage_, cleanStage);
  auto clean = m2stage("load", cleanConfig, "", cleanStage);
  ASSERT_EQ(clean.exitCode, 0) << clean.output;

  // Kill -9 three times at growing depths (mid-document, with a chunk possibly pending), then finish.
  std::string loadChunks = "SELECT COUNT(*) FROM chunk WHERE step = 'load'";
  int killed = 0;
  for (int depth : {15, 120, 260}) {
    pid_t child = startM2stage({"load", killConfig.string(), "--stage", stage_.string(), "--jobs", "2", "-q"});
    if (killWhen(child, stage_, loadChunks, depth)) ++killed;
  }
  EXPECT_GE(killed, 2) << "load finished before it could be killed";
  auto resumed = m2stage("load", killConfig, "--jobs 2");
  ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
  EXPECT_EQ(tableChecksums("lk_m2"), tableChecksums("lk_clean"));
  // Nothing loaded was cleared again: one clear per keyed table over the four loads (the keyless
  // no_key is loaded again from its start when a kill left a chunk of it pending).
  for (const char* keyed : {"doc_0", "doc_1", "doc_2", "doc_3", "composite"}) {
    EXPECT_EQ(count(fmt::format("SELECT COUNT(*) FROM audit WHERE run_id = 1 AND event = 'load.document.clear' "
                                "AND document = '{}'", keyed)), 1) << keyed;
  }
  EXPECT_GE(count("SELECT COUNT(*) FROM audit WHERE event = 'load.chunk.settled'"), 1);
  // The large documents were loaded on two connections at once, and resumed as such.
  EXPECT_GE(count("SELECT COUNT(*) FROM audit WHERE event = 'load.document.end' AND detail LIKE '% on 2 connections%'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM verification WHERE run_id = 1 AND result <> 'ok'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM verification WHERE run_id = 1 AND result = 'ok'"), 100);
}

// Whether `child` has ended, without reaping it.
bool ended(pid_t child) {
  siginfo_t info{};
  return waitid(P_PID, static_cast<id_t>(child), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == child;
}

// Kills (KILL CONNECTION) the connection writing a chunk into `table` of `database` once its
// INSERT has waited for more than 300 ms (on a lock the test holds). False when none shows
// up within 60 s or `loader` ends first.
bool killBlockedChunkWrite(mariadb::Connection& admin, const std::string& database, const std::string& table, pid_t loader) {
  std::string blocked = fmt::format(
      "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '{}' AND ID <> CONNECTION_ID() AND TIME_MS > 300 "
      "AND INFO LIKE 'INSERT INTO `{}`%'", database, table);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline && !ended(loader)) {
    if (auto id = admin.queryValue(blocked)) {
      try {
        admin.execute("KILL CONNECTION " + *id);
        return true;
      } catch (const mariadb::DatabaseError&) {
        // gone in between: look again
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

// A connection to Magento 2 killed while a chunk is being written (as a server restart, a network
// cut or wait_timeout would): the loader reconnects, finds the chunk did not land, writes it again
// and goes on; Magento 2 ends as after a clean load. The test holds a lock the chunk write waits
// for, so the kill always lands inside the write: a row lock on a key of doc_0 (keyed: settled by
// its last key) and a table lock on no_key (keyless: settled by its row count).
TEST_F(LoadTest, ConnectionKilledInTheMiddleOfAChunkIsReconnectedAndTheChunkWrittenOnce) {
  createShop("rc_m1", "rc_clean", 2, 20000);
  server().createDatabase("rc_m2");
  server().runSql("rc_m2", shopSql(2, 0, false));
  auto cleanConfig = config("clean", "rc_m1", "rc_clean", "<bulk_size>500</bulk_size>");
  auto killConfig = config("kill", "rc_m1", "rc_m2", "<bulk_size>500</bulk_size>");
  ASSERT_EQ(m2stage("extract", cleanConfig, "--jobs 1").exitCode, 0);
  ASSERT_EQ(m2stage("transform", cleanConfig).exitCode, 0);
  auto cleanStage = directory_ / "clean.m2stage";
  std::filesystem::copy_file(stage_, cleanStage);
  auto clean = m2stage("load", cleanConfig, "--jobs 1", cleanStage);
  ASSERT_EQ(clean.exitCode, 0) << clean.output;

  auto admin = server().connect("rc_m2");
  auto rowLock = server().connect("rc_m2");
  auto tableLock = server().connect("rc_m2");
  std::string log = (directory_ / "load.log").string();
  int status = -1;
  int kills = 0;
  // Largest first, one connection: doc_1 (40 000 rows), doc_0, composite, no_key. Once every table
  // is emptied, the test takes its locks while doc_1 loads; should doc_1 be done already (a slow
  // test machine), the row lock fails as a duplicate and the attempt is made again with --reset.
  for (int attempt = 0; attempt < 3 && kills < 2; ++attempt) {
    int clearedBefore = count("SELECT COUNT(*) FROM audit WHERE event = 'load.document.clear'");
    std::vector<std::string> arguments = {"load", killConfig.string(), "--stage", stage_.string(), "--jobs", "1"};
    if (attempt) arguments.push_back("--reset");
    pid_t loader = startM2stage(arguments, log);
    ASSERT_TRUE(waitForStage(loader, stage_,
                             "SELECT COUNT(*) FROM audit WHERE event = 'load.document.clear'", clearedBefore + 4));
    kills = 0;
    try {
      rowLock->execute("START TRANSACTION");
      rowLock->execute("INSERT INTO doc_0 (id) VALUES (15000)");
      tableLock->execute("LOCK TABLES no_key WRITE");
      if (killBlockedChunkWrite(*admin, "rc_m2", "doc_0", loader)) ++kills;
      rowLock->execute("ROLLBACK");
      if (killBlockedChunkWrite(*admin, "rc_m2", "no_key", loader)) ++kills;
    } catch (const mariadb::DatabaseError& error) {
      ASSERT_EQ(error.code(), 1062u) << error.what();  // doc_0 reached key 15000 first
    }
    rowLock->execute("ROLLBACK");
    tableLock->execute("UNLOCK TABLES");
    waitpid(loader, &status, 0);
  }
  ASSERT_EQ(kills, 2) << "the chunk writes were not caught waiting on the test's locks";
  std::ifstream file(log);
  std::string output((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;
  std::size_t reconnects = 0;
  for (auto at = output.find("load: connection to Magento 2 lost ("); at != std::string::npos;
       at = output.find("load: connection to Magento 2 lost (", at + 1))
    ++reconnects;
  EXPECT_EQ(reconnects, 2u) << output;
  EXPECT_NE(output.find("reconnecting (1 of 5)"), std::string::npos) << output;
  EXPECT_EQ(tableChecksums("rc_m2"), tableChecksums("rc_clean"));
  auto m2 = server().connect("rc_m2");
  EXPECT_EQ(m2->queryValue("SELECT CONCAT_WS('|', COUNT(*), MIN(a), MAX(a), MAX(b)) FROM doc_0 WHERE id BETWEEN 14990 AND 15010"),
            "21|row 14990|row 15010|2144.2857");
  EXPECT_EQ(m2->queryValue("SELECT COUNT(*) FROM no_key"), "500");
  // Each killed chunk was settled as not landed and written again, keyless no_key included: its
  // other chunks were not loaded a second time (one clear per table in the last attempt).
  for (const char* table : {"doc_0", "no_key"}) {
    EXPECT_EQ(count(fmt::format("SELECT COUNT(*) FROM audit WHERE event = 'load.chunk.settled' AND document = '{}' "
                                "AND detail LIKE '%had not landed%' AND event_id > (SELECT MAX(event_id) FROM audit "
                                "WHERE event = 'load.start')", table)), 1) << table;
    EXPECT_EQ(count(fmt::format("SELECT COUNT(*) FROM audit WHERE event = 'load.document.clear' AND document = '{}' "
                                "AND event_id > (SELECT MAX(event_id) FROM audit WHERE event = 'load.start')", table)), 1);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM verification WHERE result <> 'ok'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM run_step WHERE step = 'load' AND state = 'done'"), 1);
}

TEST_F(LoadTest, UniqueKeyCollisionIsReportedWithItsRowsAndSkippedOnlyWithAuto) {
  server().createDatabase("uk_m1");
  server().createDatabase("uk_m2");
  auto table = [](const std::string& extra) {
    return "CREATE TABLE customer (id INT NOT NULL PRIMARY KEY, email VARCHAR(60) NOT NULL, name VARCHAR(20)" + extra + ");";
  };
  server().runSql("uk_m1", table("") +
                               "INSERT INTO customer SELECT seq, CONCAT('u', seq, '@x'), 'n' FROM seq_1_to_1000;"
                               "UPDATE customer SET email = 'u10@x' WHERE id = 700;");
  // Magento 2 has a unique key Magento 1 lacks.
  server().runSql("uk_m2", table(", UNIQUE KEY customer_email (email)"));
  // bulk_size 300: the two rows are in different chunks (the first in chunk 0, the second in chunk 2).
  // One connection each: key ranges split between readers, or chunks loaded on several lanes,
  // would change which of the two rows lands first.
  auto configFile = config("uk", "uk_m1", "uk_m2", "<bulk_size>300</bulk_size>");
  ASSERT_EQ(m2stage("extract", configFile, "--jobs 1").exitCode, 0);
  auto stopped = m2stage("load", configFile, "--jobs 1");
  EXPECT_EQ(stopped.exitCode, 6) << stopped.output;
  EXPECT_NE(stopped.output.find("Duplicate entry 'u10@x' for key 'customer_email'"), std::string::npos) << stopped.output;
  EXPECT_NE(stopped.output.find("id=700"), std::string::npos) << stopped.output;
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE kind = 'unique_key_collision' AND fields = 'customer_email' "
                  "AND message LIKE '%u10@x%id=700%'"), 1);
  // Nothing merged: the chunk with the collision is not in Magento 2.
  auto m2 = server().connect("uk_m2");
  EXPECT_EQ(m2->queryValue("SELECT COUNT(*) FROM customer WHERE id BETWEEN 601 AND 900"), "0");

  auto skipped = m2stage("load", configFile, "--auto --jobs 1");
  ASSERT_EQ(skipped.exitCode, 0) << skipped.output;
  EXPECT_EQ(m2->queryValue("SELECT COUNT(*) FROM customer"), "999");
  EXPECT_EQ(m2->queryValue("SELECT id FROM customer WHERE email = 'u10@x'"), "10");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE event = 'load.row.skipped' AND detail LIKE '%id=700%'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE kind = 'unique_key_collision' AND severity = 'warning'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM verification WHERE result <> 'ok'"), 0);
}

TEST_F(LoadTest, ServerCoercionsBecomeDataWarningFindings) {
  // NOT NULL in Magento 2 where Magento 1 has NULL: non-strict mode stores '' and warns. A longer
  // text than Magento 2's column takes: cut, with a warning. One row a chunk: each chunk is
  // written on its own.
  auto configFile = twoDatabases("dw",
                           "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, v VARCHAR(20), w VARBINARY(4));"
                           "INSERT INTO t VALUES (1, 'ok', NULL), (2, NULL, NULL), (3, 'ok', NULL);"
                           "CREATE TABLE u (id INT NOT NULL PRIMARY KEY, v VARCHAR(20));"
                           "INSERT INTO u VALUES (1, NULL), (2, 'x');"
                           "CREATE TABLE x (id INT NOT NULL PRIMARY KEY, v VARCHAR(20));"
                           "INSERT INTO x VALUES (1, 'abcdef'), (2, 'abc');",
                           "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, v VARCHAR(20) NOT NULL, w VARBINARY(4));"
                           "CREATE TABLE u (id INT NOT NULL PRIMARY KEY, v VARCHAR(20) NOT NULL);"
                           "CREATE TABLE x (id INT NOT NULL PRIMARY KEY, v VARCHAR(3));",
                           "<bulk_size>1</bulk_size>");
  ASSERT_EQ(m2stage("extract", configFile).exitCode, 0);
  auto loaded = m2stage("load", configFile);
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  // A bulk INSERT refuses the NULL (it inserts row by row), so the chunks holding one are written
  // again with multi-row INSERTs, which store '' and warn, as upstream's do. The next chunk goes
  // by bulk INSERT again: the refused batch is not sent a second time.
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE kind = 'data_warning' AND document = 't' AND message LIKE '%''v''%'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE kind = 'data_warning' AND document = 'u' AND message LIKE '%''v''%'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE event = 'load.chunk' AND detail LIKE '% by insert, 1 server warnings%'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE event = 'load.chunk' AND document = 't' AND detail LIKE '% by bulk insert'"), 2);
  EXPECT_EQ(server().connect("dw_m2")->queryValue("SELECT GROUP_CONCAT(CONCAT(id, ':', v) ORDER BY id) FROM t"), "1:ok,2:,3:ok");
  // The truncation goes through the bulk INSERT, whose warnings are counted and kept the same way.
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE kind = 'data_warning' AND document = 'x' AND message LIKE '%''v''%'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE event = 'load.chunk' AND document = 'x' "
                  "AND detail LIKE '% by bulk insert, 1 server warnings%'"), 1);
  EXPECT_EQ(server().connect("dw_m2")->queryValue("SELECT GROUP_CONCAT(v ORDER BY id) FROM x"), "abc,abc");
}

TEST_F(LoadTest, ContentCheckCatchesATamperedRow) {
  createShop("tc_m1", "tc_m2", 2, 2000);
  auto configFile = config("tc", "tc_m1", "tc_m2", "<bulk_size>500</bulk_size>");
  ASSERT_EQ(m2stage("extract", configFile, "--jobs 1").exitCode, 0);  // chunks in key order: 1001..1500 is chunk 2
  auto loaded = m2stage("load", configFile);
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_EQ(m2stage("load", configFile, "--verify-only").exitCode, 0);

  auto m2 = server().connect("tc_m2");
  m2->execute("UPDATE doc_1 SET a = 'tampered' WHERE id = 1234");
  auto verified = m2stage("load", configFile, "--verify-only");
  EXPECT_EQ(verified.exitCode, 6) << verified.output;
  EXPECT_NE(verified.output.find("chunk 2 (id 1001 .. 1500): values differ, first at key 1234"), std::string::npos)
      << verified.output;
  EXPECT_EQ(count("SELECT COUNT(*) FROM verification WHERE document = 'doc_1' AND chunk_no = 2 AND result = 'mismatch' "
                  "AND key_from = '1001' AND key_to = '1500'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE kind = 'content_mismatch' AND document = 'doc_1'"), 1);

  // The same for a composite key (key lists) and a table without a key (whole table).
  m2->execute("UPDATE doc_1 SET a = 'row 1234' WHERE id = 1234");
  m2->execute("UPDATE composite SET v = v + 1 WHERE x = 3 AND y = 'k13'");
  m2->execute("UPDATE no_key SET b = 'changed' LIMIT 1");
  verified = m2stage("load", configFile, "--verify-only");
  EXPECT_EQ(verified.exitCode, 6) << verified.output;
  EXPECT_EQ(count("SELECT COUNT(*) FROM verification WHERE result = 'mismatch'"), 2) << verified.output;
  EXPECT_EQ(count("SELECT COUNT(*) FROM verification WHERE document = 'no_key' AND chunk_no IS NULL AND result = 'mismatch'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM verification WHERE document = 'composite' AND result = 'mismatch'"), 1);
}

TEST_F(LoadTest, DeletedRowIsAVolumeMismatchOnVerifyOnlyAndInStatus) {
  createShop("vm_m1", "vm_m2", 1, 1000);
  auto configFile = config("vm", "vm_m1", "vm_m2", "<bulk_size>300</bulk_size>");
  ASSERT_EQ(m2stage("extract", configFile, "--jobs 1").exitCode, 0);
  auto loaded = m2stage("load", configFile);
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;

  auto m2 = server().connect("vm_m2");
  m2->execute("DELETE FROM doc_0 WHERE id = 421");
  auto verified = m2stage("load", configFile, "--verify-only");
  EXPECT_EQ(verified.exitCode, 6) << verified.output;
  const std::string line = "Mismatch of entities in the document: doc_0 Source: 1000 Destination: 999";
  EXPECT_NE(verified.output.find(line + "\n"), std::string::npos) << verified.output;
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE kind = 'volume_mismatch' AND document = 'doc_0' AND message = '" +
                  line + "'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE kind = 'volume_mismatch'"), 1);  // the other tables are whole
  auto status = runM2stage("status --stage " + stage_.string());
  EXPECT_EQ(status.exitCode, 0) << status.output;
  EXPECT_NE(status.output.find("verification: failed (1 volume mismatches)"), std::string::npos) << status.output;
  EXPECT_NE(status.output.find("Mismatch of entities in the document: doc_0 Source: 1000"), std::string::npos)
      << status.output;
  auto json = runM2stage("status --stage " + stage_.string() + " --format json");
  EXPECT_NE(json.output.find(line), std::string::npos) << json.output;

  // The row back as it was: verified again, and the finding is gone.
  m2->execute("INSERT INTO doc_0 VALUES (421, 'row 421', 421 / 7, 421 / 3)");
  auto repaired = m2stage("load", configFile, "--verify-only");
  EXPECT_EQ(repaired.exitCode, 0) << repaired.output;
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE kind = 'volume_mismatch'"), 0);
  status = runM2stage("status --stage " + stage_.string());
  EXPECT_NE(status.output.find("verification: ok (0 volume mismatches)"), std::string::npos) << status.output;
}

TEST_F(LoadTest, ReplayIntoAFreshlyRestoredDestination) {
  createShop("rp_m1", "rp_m2", 2, 1500);
  std::string dump = (directory_ / "before.sql").string();
  ASSERT_EQ(runCommand(server().clientCommand() + " --version >/dev/null"), 0);
  std::string dumpCommand = "mariadb-dump --no-defaults -S " + server().socket().string() + " -uroot rp_m2 > " + dump;
  ASSERT_EQ(runCommand(dumpCommand), 0);
  auto configFile = config("rp", "rp_m1", "rp_m2", "<bulk_size>400</bulk_size>");
  ASSERT_EQ(m2stage("extract", configFile).exitCode, 0);
  ASSERT_EQ(m2stage("load", configFile).exitCode, 0);
  std::string loaded = tableChecksums("rp_m2");

  // Magento 2 restored from the backup taken before the load.
  server().createDatabase("rp_m2", dump);
  EXPECT_NE(tableChecksums("rp_m2"), loaded);
  auto again = m2stage("load", configFile, "--run 1");
  EXPECT_EQ(again.exitCode, 0) << again.output;
  EXPECT_NE(again.output.find("already loaded"), std::string::npos) << again.output;
  auto replay = m2stage("load", configFile, "--run 1 --reset");
  ASSERT_EQ(replay.exitCode, 0) << replay.output;
  EXPECT_EQ(tableChecksums("rp_m2"), loaded);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE event = 'load.start' AND run_id = 1 AND host <> ''"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE event = 'load.start' AND detail LIKE 'run 1 into root@%/rp_m2 (replay: --reset)'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE event = 'load.end' AND detail LIKE 'ok:%'"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE event = 'load.reset' AND run_id = 1"), 1);
}

TEST_F(LoadTest, RunNotFullyExtractedIsRefusedUnlessFinishedOnly) {
  createShop("nx_m1", "nx_m2", 2, 100);
  auto m2 = server().connect("nx_m2");
  m2->execute("INSERT INTO doc_0 VALUES (999999, 'keep me', 0, 0)");
  auto configFile = config("nx", "nx_m1", "nx_m2");
  ASSERT_EQ(m2stage("extract", configFile).exitCode, 0);
  {
    // As if extract were still running on doc_0.
    SQLite::Database stage(stage_.string(), SQLite::OPEN_READWRITE);
    stage.exec("UPDATE run_step SET state = 'running', finished_at = NULL WHERE step = 'extract'");
    stage.exec("UPDATE document SET state = 'running' WHERE step = 'extract' AND document = 'doc_0'");
  }
  auto refused = m2stage("load", configFile);
  EXPECT_EQ(refused.exitCode, 5) << refused.output;
  EXPECT_NE(refused.output.find("run 1 is not fully extracted (extract running)"), std::string::npos) << refused.output;
  EXPECT_EQ(m2->queryValue("SELECT COUNT(*) FROM doc_0"), "1");  // nothing written
  EXPECT_EQ(m2->queryValue("SELECT COUNT(*) FROM doc_1"), "0");
  EXPECT_EQ(count("SELECT COUNT(*) FROM document WHERE step IN ('transform', 'load')"), 0);

  auto partial = m2stage("load", configFile, "--finished-only");
  ASSERT_EQ(partial.exitCode, 0) << partial.output;
  EXPECT_EQ(m2->queryValue("SELECT COUNT(*) FROM doc_0"), "1");    // still being extracted: untouched
  EXPECT_EQ(m2->queryValue("SELECT COUNT(*) FROM doc_1"), "200");  // finished: loaded
  EXPECT_EQ(count("SELECT COUNT(*) FROM run_step WHERE step = 'load' AND state = 'done'"), 0);
}

// Text for a UTF-8 column goes to the server as bytes (no conversion); a character utf8mb3 cannot
// hold still ends as the '?' and warning of an INSERT (sent as bytes it would be '????').
TEST_F(LoadTest, Utf8TextIsWrittenAsBytesAndFourByteCharactersStillConvert) {
  auto configFile = twoDatabases("cs",
                           "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, v VARCHAR(20) CHARACTER SET utf8mb4, "
                           "w VARCHAR(20) CHARACTER SET utf8mb4, l VARCHAR(20) CHARACTER SET latin1, x TEXT CHARACTER SET utf8mb3);"
                           "INSERT INTO t VALUES (1, _utf8mb4 X'78F09F988079', _utf8mb4 X'78F09F988079', _latin1 X'636166E9', "
                           "_utf8mb4 X'64C3A96AC3A0'), (2, _utf8mb4 X'C3A9E282AC', _utf8mb4 X'C3A9E282AC', _latin1 X'FC', "
                           "_utf8mb4 X'E29883'), (3, CONCAT(REPEAT('a', 9), _utf8mb4 X'F09F9880', 'b'), 'c', 'd', 'e');",
                           "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, v VARCHAR(20) CHARACTER SET utf8mb3, "
                           "w VARCHAR(20) CHARACTER SET utf8mb4, l VARCHAR(20) CHARACTER SET latin1, x TEXT CHARACTER SET utf8mb3);",
                           "<bulk_size>1</bulk_size>");
  ASSERT_EQ(m2stage("extract", configFile).exitCode, 0);
  ASSERT_EQ(m2stage("transform", configFile).exitCode, 0);
  auto m2 = server().connect("cs_m2");
  // utf8mb3 -> utf8mb4 after transform: the bytes load sends still fit, so it is no schema drift.
  m2->execute("ALTER TABLE t MODIFY x TEXT CHARACTER SET utf8mb4");
  auto loaded = m2stage("load", configFile);
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_EQ(m2->queryValue("SELECT CONCAT_WS('|', HEX(v), HEX(w), HEX(l), HEX(x)) FROM t WHERE id = 1"),
            "783F79|78F09F988079|636166E9|64C3A96AC3A0");
  EXPECT_EQ(m2->queryValue("SELECT CONCAT_WS('|', HEX(v), HEX(w), HEX(l), HEX(x)) FROM t WHERE id = 2"),
            "C3A9E282AC|C3A9E282AC|FC|E29883");
  // The character found past the first eight bytes of a value too.
  EXPECT_EQ(m2->queryValue("SELECT v FROM t WHERE id = 3"), "aaaaaaaaa?b");
  // One row a chunk (chunks are numbered in commit order, which the parallel readers decide).
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE event = 'load.chunk' AND document = 't' "
                  "AND detail LIKE '% by insert, 1 server warnings'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE event = 'load.chunk' AND document = 't' AND detail LIKE '% by bulk insert'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE kind = 'data_warning' AND message LIKE '%Incorrect string value%'"), 2);
  // The content check reads the bytes back the same way: the converted chunks differ, with their warnings.
  EXPECT_EQ(count("SELECT COUNT(*) FROM verification WHERE document = 't' AND result = 'ok'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM verification WHERE document = 't' AND result = 'warned'"), 2);

  // A UTF-8 column that now holds less than the run recorded would get bytes it cannot store.
  m2->execute("ALTER TABLE t MODIFY w VARCHAR(20) CHARACTER SET utf8mb3");
  auto refused = m2stage("load", configFile, "--reset");
  EXPECT_EQ(refused.exitCode, 5) << refused.output;
  EXPECT_NE(refused.output.find("Magento 2 column t.w is now in character set utf8mb3, transform saw utf8mb4"),
            std::string::npos) << refused.output;
}

// A bulk execution is one packet: with the server's max_allowed_packet at 256 KiB, 100 KB rows go
// two at a time (the 1 MiB batches that load sends otherwise would be refused, and the connection
// dropped).
TEST_F(LoadTest, BulkBatchesStayUnderTheServersPacketLimit) {
  const std::string table = "CREATE TABLE big (id INT NOT NULL PRIMARY KEY, payload MEDIUMTEXT);";
  auto configFile = twoDatabases(
      "pk", table + "INSERT INTO big SELECT seq, REPEAT(CHAR(65 + seq % 26), 100000) FROM seq_1_to_40;", table);
  ASSERT_EQ(m2stage("extract", configFile).exitCode, 0);
  ASSERT_EQ(m2stage("transform", configFile).exitCode, 0);
  auto admin = server().connect("pk_m2");
  std::string packet = admin->queryValue("SELECT @@GLOBAL.max_allowed_packet").value_or("16777216");
  admin->execute("SET GLOBAL max_allowed_packet = 262144");  // for connections made from now on
  auto loaded = m2stage("load", configFile);
  admin->execute("SET GLOBAL max_allowed_packet = " + packet);
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_EQ(admin->queryValue("SELECT CONCAT(COUNT(*), ':', SUM(LENGTH(payload)), ':', SUM(payload = REPEAT(CHAR(65 + id % 26), 100000))) FROM big"),
            "40:4000000:40");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit WHERE event = 'load.chunk' AND document = 'big' AND detail LIKE '% by bulk insert'"),
            count("SELECT COUNT(*) FROM chunk WHERE step = 'load' AND document = 'big'"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM verification WHERE document = 'big' AND result <> 'ok'"), 0);
}

TEST_F(LoadTest, DestinationSchemaDriftIsRefused) {
  createShop("sd_m1", "sd_m2", 1, 100);
  auto configFile = config("sd", "sd_m1", "sd_m2");
  ASSERT_EQ(m2stage("extract", configFile).exitCode, 0);
  ASSERT_EQ(m2stage("transform", configFile).exitCode, 0);
  auto m2 = server().connect("sd_m2");
  m2->execute("INSERT INTO doc_0 VALUES (999999, 'keep me', 0, 0)");
  m2->execute("ALTER TABLE doc_0 MODIFY b VARCHAR(20)");
  auto changed = m2stage("load", configFile);
  EXPECT_EQ(changed.exitCode, 5) << changed.output;
  EXPECT_NE(changed.output.find("Magento 2 column doc_0.b is now varchar(20), transform saw decimal(12,4)"), std::string::npos)
      << changed.output;
  // The same data type, but shorter, unsigned, or NOT NULL: each refused with its own line.
  auto refusedAfter = [&](const std::string& alter, const std::string& line) {
    m2->execute("ALTER TABLE doc_0 " + alter);
    auto refused = m2stage("load", configFile);
    EXPECT_EQ(refused.exitCode, 5) << alter << "\n" << refused.output;
    EXPECT_NE(refused.output.find(line), std::string::npos) << alter << "\n" << refused.output;
  };
  refusedAfter("MODIFY b DECIMAL(12,4), MODIFY a VARCHAR(32)", "Magento 2 column doc_0.a is now varchar(32), transform saw varchar(40)");
  refusedAfter("MODIFY a VARCHAR(40), MODIFY id INT UNSIGNED NOT NULL",
               "Magento 2 column doc_0.id is now int(10) unsigned, transform saw int(11)");
  refusedAfter("MODIFY id INT NOT NULL, MODIFY a VARCHAR(40) NOT NULL",
               "Magento 2 column doc_0.a is now NOT NULL, transform saw it NULL allowed");
  refusedAfter("MODIFY a VARCHAR(40) NULL, ADD COLUMN c INT NOT NULL",
               "Magento 2 table doc_0 has a new column c (int(11) NOT NULL, no default) that transform did not see");
  m2->execute("ALTER TABLE doc_0 DROP COLUMN c");
  m2->execute("ALTER TABLE doc_0 MODIFY b DECIMAL(12,4), DROP COLUMN a");
  auto missing = m2stage("load", configFile);
  EXPECT_EQ(missing.exitCode, 5) << missing.output;
  EXPECT_NE(missing.output.find("Magento 2 table doc_0 has no column a any more"), std::string::npos) << missing.output;
  m2->execute("DROP TABLE composite");
  auto gone = m2stage("load", configFile);
  EXPECT_EQ(gone.exitCode, 5) << gone.output;
  EXPECT_NE(gone.output.find("Magento 2 table composite does not exist any more"), std::string::npos) << gone.output;
  EXPECT_EQ(m2->queryValue("SELECT COUNT(*) FROM doc_0"), "1");  // nothing written
  EXPECT_EQ(count("SELECT COUNT(*) FROM chunk WHERE step = 'load'"), 0);

  // What changes nothing the rows depend on passes: an integer's display width (MySQL 8 prints
  // none), a new column that may stay NULL or has a default.
  m2->execute("ALTER TABLE doc_0 ADD COLUMN a VARCHAR(40) AFTER id, MODIFY id INT(5) NOT NULL, "
              "ADD COLUMN note VARCHAR(10), ADD COLUMN flag TINYINT NOT NULL DEFAULT 1");
  server().runSql("sd_m2", "CREATE TABLE composite (x INT NOT NULL, y VARCHAR(10) NOT NULL, v INT, PRIMARY KEY (x, y));");
  auto loaded = m2stage("load", configFile);
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_EQ(m2->queryValue("SELECT COUNT(*) FROM doc_0"), "100");
  EXPECT_EQ(m2->queryValue("SELECT CONCAT_WS('|', a, b, IFNULL(note, 'null'), flag) FROM doc_0 WHERE id = 70"),
            "row 70|10.0000|null|1");
}

TEST(DestinationCheckTypes, IntegerDisplayWidthsDoNotCountButEverythingElseDoes) {
  using load::DestinationCheck;
  EXPECT_EQ(DestinationCheck::comparableType("int(10) unsigned"), DestinationCheck::comparableType("int unsigned"));
  EXPECT_EQ(DestinationCheck::comparableType("INT(11)"), "int");
  EXPECT_EQ(DestinationCheck::comparableType("tinyint(1)"), "tinyint");
  EXPECT_EQ(DestinationCheck::comparableType("bigint(20) unsigned zerofill"), "bigint unsigned zerofill");
  EXPECT_EQ(DestinationCheck::comparableType("year(4)"), "year");
  EXPECT_NE(DestinationCheck::comparableType("int(11)"), DestinationCheck::comparableType("int(10) unsigned"));
  EXPECT_NE(DestinationCheck::comparableType("varchar(255)"), DestinationCheck::comparableType("varchar(32)"));
  EXPECT_EQ(DestinationCheck::comparableType("decimal(12,4)"), "decimal(12,4)");
  EXPECT_EQ(DestinationCheck::comparableType("enum('a','b')"), "enum('a','b')");
}

// load --follow in this process, extract in another, on one staging file. (This was intermittent
// until StageFile stopped reading the header through a second descriptor: closing it dropped the
// process's SQLite locks, so the other process could delete the WAL still in use: a short read.)
TEST_F(LoadTest, FollowLoadsWhileExtractRunsAndEndsComplete) {
  createShop("fl_m1", "fl_m2", 6, 40000);
  server().createDatabase("fl_ref");
  server().runSql("fl_ref", shopSql(6, 40000, true));
  auto configFile = config("fl", "fl_m1", "fl_m2", "<bulk_size>500</bulk_size>");
  // Extract in a child process; load --follow starts once extract has committed its first chunk.
  pid_t extractor = startM2stage({"extract", configFile.string(), "--stage", stage_.string(), "--jobs", "1"},
                                 (directory_ / "extract.log").string());
  bool started = waitForStage(extractor, stage_, "SELECT COUNT(*) FROM chunk", 1);
  ASSERT_TRUE(started) << "extract finished before load --follow could start";
  auto followed = m2stage("load", configFile, "--follow --interval 0.2 --jobs 1");
  int status = -1;
  waitpid(extractor, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(followed.exitCode, 0) << followed.output;
  EXPECT_EQ(tableChecksums("fl_m2"), tableChecksums("fl_ref"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM run_step WHERE step = 'load' AND state = 'done'"), 1);
  // A pass transformed (and then loaded) the documents extract had finished while it was still running.
  SQLite::Database stage(stage_.string(), SQLite::OPEN_READONLY);
  SQLite::Statement history(stage, "SELECT event_id || ' ' || at || ' ' || event || ' ' || IFNULL(document, '') || ' ' || "
                                   "IFNULL(detail, '') FROM audit WHERE event NOT IN ('extract.chunk', 'transform.chunk')");
  std::string events;
  while (history.executeStep()) events += history.getColumn(0).getString() + "\n";
  EXPECT_GE(count("SELECT COUNT(*) FROM audit WHERE event = 'transform.partial'"), 1) << events;
  // Chunk by chunk: the large document extract read first had chunks transformed before its
  // extract ended (doc_5 or doc_4: 240 000 or 200 000 rows; the order follows the server's sizes).
  EXPECT_GE(count("SELECT COUNT(*) FROM audit e WHERE e.event = 'extract.document.end' AND e.event_id > "
                  "(SELECT MIN(t.event_id) FROM audit t WHERE t.event = 'transform.chunk' AND t.document = e.document)"), 1)
      << events;
}

// The load side of --follow, without timing: the staging file says doc_0 is still being
// extracted, so load --follow loads the chunks it has, leaves the document unverified and waits;
// once extract "finishes", the same process loads the rest, verifies and ends.
TEST_F(LoadTest, FollowLoadsTheChunksOfADocumentStillBeingExtracted) {
  createShop("fc_m1", "fc_m2", 2, 3000);
  auto configFile = config("fc", "fc_m1", "fc_m2", "<bulk_size>500</bulk_size>");
  ASSERT_EQ(m2stage("extract", configFile, "--jobs 1").exitCode, 0);
  {
    SQLite::Database stage(stage_.string(), SQLite::OPEN_READWRITE);
    stage.setBusyTimeout(30000);
    stage.exec("UPDATE run_step SET state = 'running' WHERE step = 'extract'");
    stage.exec("UPDATE document SET state = 'running' WHERE step = 'extract' AND document = 'doc_0'");
  }
  pid_t follower = startM2stage({"load", config("fc", "fc_m1", "fc_m2", "<bulk_size>500</bulk_size>").string(), "--stage",
                                 stage_.string(), "--follow", "--interval", "0.2", "--jobs", "1"},
                                (directory_ / "follow.log").string());
  std::string loadedSoFar = "SELECT COUNT(*) FROM chunk WHERE step = 'load' AND document = 'doc_0' AND state = 'done'";
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline && count(loadedSoFar) < 6) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(count(loadedSoFar), 6) << "doc_0's six chunks, loaded while its extract is still running";
  EXPECT_EQ(count("SELECT COUNT(*) FROM document WHERE step = 'transform' AND document = 'doc_0' AND state = 'running'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM document WHERE step = 'load' AND document = 'doc_0' AND state = 'running'"), 1);
  EXPECT_EQ(waitpid(follower, nullptr, WNOHANG), 0) << "load --follow must wait for the rest";
  {
    SQLite::Database stage(stage_.string(), SQLite::OPEN_READWRITE);
    stage.setBusyTimeout(30000);
    stage.exec("UPDATE document SET state = 'done' WHERE step = 'extract'");
    stage.exec("UPDATE run_step SET state = 'done' WHERE step = 'extract'");
  }
  int status = -1;
  waitpid(follower, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(tableChecksums("fc_m2"), tableChecksums("fc_m1"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM document WHERE step = 'load' AND document = 'doc_0' AND state = 'done'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM verification WHERE document = 'doc_0' AND result = 'ok'"), 6);
}

}  // namespace
}  // namespace m2stage::test
