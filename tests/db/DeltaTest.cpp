// Delta: every change made in Magento 1 after the full run reaches Magento 2, nothing lost.
// The proof: writers change Magento 1 while `extract --delta --follow` and `load --delta --follow`
// run; each is killed once and restarted; after the writers stop and delta drains, Magento 2
// equals Magento 1 under the map, table by table.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include "audit/AuditTrail.hpp"
#include "load/DeltaLoader.hpp"
#include "schema/Config.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"
#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

// Magento 1 side: an order table, its items, and a third-party table with a composite key that
// Magento never heard of. Magento 2 side: the orders renamed with a moved field (the map applies).
constexpr const char* kM1Schema = R"SQL(
CREATE TABLE orders (entity_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, status VARCHAR(32), total DECIMAL(12,4));
CREATE TABLE order_items (item_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, order_id INT UNSIGNED NOT NULL, qty DECIMAL(12,4), sku VARCHAR(64));
CREATE TABLE vendor_points (customer_id INT NOT NULL, program VARCHAR(16) NOT NULL, points INT, PRIMARY KEY (customer_id, program));
INSERT INTO orders SELECT seq, 'pending', seq * 1.25 FROM seq_1_to_300;
INSERT INTO order_items SELECT seq, 1 + seq % 300, seq % 5 + 1, CONCAT('sku-', seq) FROM seq_1_to_900;
INSERT INTO vendor_points SELECT seq, IF(seq % 2, 'gold', 'silver'), seq FROM seq_1_to_200;
)SQL";
constexpr const char* kM2Schema = R"SQL(
CREATE TABLE sales_order (entity_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, status VARCHAR(32), grand_total DECIMAL(20,4));
CREATE TABLE order_items (item_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, order_id INT UNSIGNED NOT NULL, qty DECIMAL(12,4), sku VARCHAR(64));
CREATE TABLE vendor_points (customer_id INT NOT NULL, program VARCHAR(16) NOT NULL, points INT, PRIMARY KEY (customer_id, program));
)SQL";
constexpr const char* kMap = R"XML(<?xml version="1.0"?>
<map><source>
  <document_rules><rename><document>orders</document><to>sales_order</to></rename></document_rules>
  <field_rules><move><field>orders.total</field><to>sales_order.grand_total</to></move></field_rules>
</source><destination/></map>
)XML";
constexpr const char* kDeltalog = R"XML(<?xml version="1.0"?>
<groups>
  <group name="delta_map">
    <document key="entity_id">orders</document>
    <document key="item_id">order_items</document>
  </group>
  <group name="delta_vendor">
    <document key="customer_id,program">vendor_points</document>
  </group>
</groups>
)XML";

class DeltaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = makeTempDir("m2stage-delta");
    stage_ = directory_ / "shop.m2stage";
    server().createDatabase("delta_m1");
    server().createDatabase("delta_m2");
    server().runSql("delta_m1", kM1Schema);
    server().runSql("delta_m2", kM2Schema);
    std::ofstream(directory_ / "map.xml") << kMap;
    std::ofstream(directory_ / "deltalog.xml") << kDeltalog;
    config_ = writeConfig(directory_, "delta_m1", "delta_m2",
                          "<map_file>map.xml</map_file><delta_document_groups_file>deltalog.xml</delta_document_groups_file>"
                          "<bulk_size>100</bulk_size>");
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }
  static MariaDbServer& server() { return MariaDbServer::instance(); }

  CommandResult m2stage(const std::string& command, const std::string& extra = "") {
    return runM2stage(command + " " + config_.string() + " --stage " + stage_.string() + " " + extra);
  }
  pid_t spawn(std::vector<std::string> arguments) {
    arguments.insert(arguments.end(), {config_.string(), "--stage", stage_.string(), "-q", "--log-file",
                                       (directory_ / "delta.log").string()});
    return startM2stage(arguments);
  }
  static int waitFor(pid_t child) {
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  // Rows that differ between Magento 1 and Magento 2 under the map, in both directions.
  std::string differences() {
    auto connection = server().connect("delta_m1");
    std::string report;
    auto count = [&](const std::string& sql) { return std::stoll(connection->queryValue(sql).value_or("-1")); };
    std::vector<std::pair<std::string, std::string>> checks = {
        {"orders missing or different in Magento 2",
         "SELECT COUNT(*) FROM delta_m1.orders a LEFT JOIN delta_m2.sales_order b USING (entity_id) "
         "WHERE b.entity_id IS NULL OR NOT (a.status <=> b.status) OR NOT (a.total <=> b.grand_total)"},
        {"orders in Magento 2 that Magento 1 no longer has",
         "SELECT COUNT(*) FROM delta_m2.sales_order b LEFT JOIN delta_m1.orders a USING (entity_id) WHERE a.entity_id IS NULL"},
        {"items missing or different",
         "SELECT COUNT(*) FROM delta_m1.order_items a LEFT JOIN delta_m2.order_items b USING (item_id) "
         "WHERE b.item_id IS NULL OR NOT (a.order_id <=> b.order_id) OR NOT (a.qty <=> b.qty) OR NOT (a.sku <=> b.sku)"},
        {"extra items", "SELECT COUNT(*) FROM delta_m2.order_items b LEFT JOIN delta_m1.order_items a USING (item_id) WHERE a.item_id IS NULL"},
        {"points missing or different",
         "SELECT COUNT(*) FROM delta_m1.vendor_points a LEFT JOIN delta_m2.vendor_points b USING (customer_id, program) "
         "WHERE b.customer_id IS NULL OR NOT (a.points <=> b.points)"},
        {"extra points",
         "SELECT COUNT(*) FROM delta_m2.vendor_points b LEFT JOIN delta_m1.vendor_points a USING (customer_id, program) "
         "WHERE a.customer_id IS NULL"},
    };
    for (const auto& [what, sql] : checks) {
      auto n = count(sql);
      if (n != 0) report += fmt::format("{}: {}\n", what, n);
    }
    return report;
  }

  std::filesystem::path directory_, config_, stage_;
};

TEST_F(DeltaTest, SinglePassCarriesInsertsUpdatesDeletesAndReinserts) {
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  ASSERT_EQ(m2stage("load").exitCode, 0);
  ASSERT_EQ(differences(), "");
  server().runSql("delta_m1",
                  "UPDATE orders SET status = 'complete', total = total + 1 WHERE entity_id <= 10;"
                  "DELETE FROM orders WHERE entity_id BETWEEN 20 AND 25;"
                  "INSERT INTO orders (status, total) VALUES ('new', 9.5), ('new', 10.5);"
                  "DELETE FROM order_items WHERE item_id = 7; INSERT INTO order_items VALUES (7, 3, 2, 'again');"
                  "UPDATE vendor_points SET points = points * 2 WHERE customer_id < 50;"
                  "DELETE FROM vendor_points WHERE customer_id = 60;"
                  "INSERT INTO vendor_points VALUES (1000, 'gold', 1);");
  auto extracted = m2stage("extract", "--delta");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  auto loaded = m2stage("load", "--delta");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_EQ(differences(), "");
  // The change-logs are drained and purged; the staging file holds the delta run.
  auto connection = server().connect("delta_m1");
  EXPECT_EQ(connection->queryValue("SELECT COUNT(*) FROM m2_cl_orders"), "0");
  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM run WHERE kind = 'delta'").getInt(), 1);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM \"m1.orders\" WHERE _op = 'delete'").getInt(), 6);
  // A second pass with no change creates no run.
  ASSERT_EQ(m2stage("extract", "--delta").exitCode, 0);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM run WHERE kind = 'delta'").getInt(), 1);
}

// A text key with a non-ASCII letter, read from the change log, finds its row whatever character
// set the init statements choose: keys and rows are both read as UTF-8 (the row was staged as a
// delete, and lost, when the key came in the session's latin1).
TEST_F(DeltaTest, NonAsciiTextKeysFindTheirRowsWhateverTheSessionsCharacterSet) {
  config_ = writeConfig(directory_, "delta_m1", "delta_m2",
                        "<map_file>map.xml</map_file><delta_document_groups_file>deltalog.xml</delta_document_groups_file>"
                        "<init_statements_source>SET NAMES latin1</init_statements_source>");
  const std::string gold = "_utf8mb4 X'67C3B66C64'";  // 'göld'
  server().runSql("delta_m1", "INSERT INTO vendor_points VALUES (700, " + gold + ", 70);");
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  ASSERT_EQ(m2stage("load").exitCode, 0);
  ASSERT_EQ(differences(), "");
  server().runSql("delta_m1", "UPDATE vendor_points SET points = 71 WHERE customer_id = 700 AND program = " + gold + ";");
  auto extracted = m2stage("extract", "--delta");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  ASSERT_EQ(m2stage("load", "--delta").exitCode, 0);
  EXPECT_EQ(differences(), "");
  auto connection = server().connect("delta_m2");
  EXPECT_EQ(connection->queryValue("SELECT points FROM vendor_points WHERE customer_id = 700"), "71");
}

TEST_F(DeltaTest, MissingChangeLogIsReportedWithTheOfficialWording) {
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  server().runSql("delta_m1", "DROP TABLE m2_cl_order_items;");
  auto extracted = m2stage("extract", "--delta");
  EXPECT_EQ(extracted.exitCode, 5) << extracted.output;
  EXPECT_NE(extracted.output.find("Deltalog for order_items is not installed"), std::string::npos) << extracted.output;
  EXPECT_NE(extracted.output.find("m2stage deltalog install"), std::string::npos);
}

TEST_F(DeltaTest, APassThatStopsHalfWayIsCompletedByTheNextAndItsChangesAreLoaded) {
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  ASSERT_EQ(m2stage("load").exitCode, 0);
  // orders is read first and its change log is marked and purged; then the pass stops at the
  // missing vendor_points change log, leaving a delta run with orders' changes in it.
  server().runSql("delta_m1", "UPDATE orders SET status = 'shipped' WHERE entity_id <= 5; DROP TABLE m2_cl_vendor_points;");
  ASSERT_EQ(m2stage("extract", "--delta").exitCode, 5);
  auto connection = server().connect("delta_m1");
  EXPECT_EQ(connection->queryValue("SELECT COUNT(*) FROM m2_cl_orders"), "0");
  ASSERT_EQ(m2stage("deltalog install").exitCode, 0);

  auto extracted = m2stage("extract", "--delta");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  ASSERT_EQ(m2stage("load", "--delta").exitCode, 0);
  EXPECT_EQ(differences(), "");
  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM run WHERE kind = 'delta'").getInt(), 1);
  EXPECT_EQ(stage.execAndGet("SELECT rows FROM run_step WHERE step = 'extract' AND run_id = "
                             "(SELECT MAX(run_id) FROM run)").getInt(), 5);
}

TEST_F(DeltaTest, WritersKillsAndRestartsLoseNothing) {
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  ASSERT_EQ(m2stage("load").exitCode, 0);

  std::atomic<bool> stop{false};
  std::atomic<int> writes{0};
  auto writer = [&](int seed) {
    auto connection = server().connect("delta_m1");
    std::mt19937 random(static_cast<unsigned>(seed));
    while (!stop) {
      int id = 1 + static_cast<int>(random() % 330);
      try {
      switch (random() % 7) {
        case 0: connection->execute(fmt::format("INSERT INTO orders (status, total) VALUES ('new', {})", random() % 1000)); break;
        case 1: connection->execute(fmt::format("UPDATE orders SET status = 'u{}', total = total + 1 WHERE entity_id = {}", random() % 100, id)); break;
        case 2: connection->execute(fmt::format("DELETE FROM orders WHERE entity_id = {}", id)); break;
        case 3:  // delete then re-insert the same key
          connection->execute(fmt::format("DELETE FROM order_items WHERE item_id = {}", id));
          connection->execute(fmt::format("INSERT INTO order_items VALUES ({}, {}, 1, 'reinserted-{}')", id, id % 300 + 1, random() % 100));
          break;
        case 4:  // the same row updated again and again
          for (int i = 0; i < 3; ++i) connection->execute(fmt::format("UPDATE order_items SET qty = qty + 1 WHERE item_id = {}", 1 + id % 20));
          break;
        case 5: connection->execute(fmt::format("REPLACE INTO vendor_points VALUES ({}, 'gold', {})", id, random() % 500)); break;
        default: connection->execute(fmt::format("DELETE FROM vendor_points WHERE customer_id = {} AND program = 'silver'", id)); break;
      }
      } catch (const mariadb::DatabaseError& error) {
        // The two writers collide on purpose (same keys); a duplicate or a deadlock is their
        // business, not the migration's: the statement simply did not happen.
        if (error.code() != 1062 && error.code() != 1213) throw;
      }
      ++writes;
    }
  };
  std::thread writerA(writer, 1), writerB(writer, 2);

  pid_t extractor = spawn({"extract", "--delta", "--follow", "--interval", "0.1"});
  pid_t loader = spawn({"load", "--delta", "--follow", "--interval", "0.1"});
  std::mt19937 random(7);
  std::this_thread::sleep_for(std::chrono::milliseconds(600 + random() % 600));
  kill(extractor, SIGKILL);
  waitFor(extractor);
  extractor = spawn({"extract", "--delta", "--follow", "--interval", "0.1"});
  std::this_thread::sleep_for(std::chrono::milliseconds(400 + random() % 600));
  kill(loader, SIGKILL);
  waitFor(loader);
  loader = spawn({"load", "--delta", "--follow", "--interval", "0.1"});
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  stop = true;
  writerA.join();
  writerB.join();
  ASSERT_GT(writes.load(), 100);

  // Drain: wait until every change-log is processed and every delta run is loaded.
  auto connection = server().connect("delta_m1");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool drained = false;
  std::string pendingChanges;
  int unloadedRuns = 0;
  while (!drained && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto pending = connection->queryValue(
        "SELECT (SELECT COUNT(*) FROM m2_cl_orders WHERE processed = 0) + (SELECT COUNT(*) FROM m2_cl_order_items "
        "WHERE processed = 0) + (SELECT COUNT(*) FROM m2_cl_vendor_points WHERE processed = 0)");
    SQLite::Database stage(stage_.string(), SQLite::OPEN_READONLY);
    stage.setBusyTimeout(5000);
    auto unloaded = stage.execAndGet("SELECT COUNT(*) FROM run r WHERE kind = 'delta' AND NOT EXISTS "
                                     "(SELECT 1 FROM run_step s WHERE s.run_id = r.run_id AND s.step = 'load' AND s.state = 'done')")
                        .getInt();
    pendingChanges = pending.value_or("?");
    unloadedRuns = unloaded;
    drained = pending == "0" && unloaded == 0;
  }
  // Ctrl-C (SIGTERM here) ends both cleanly with the interrupted code.
  kill(extractor, SIGTERM);
  kill(loader, SIGTERM);
  EXPECT_EQ(waitFor(extractor), 130);
  EXPECT_EQ(waitFor(loader), 130);
  ASSERT_TRUE(drained) << "delta did not drain within 60 s: " << pendingChanges << " unprocessed changes, "
                       << unloadedRuns << " delta runs not loaded";
  EXPECT_EQ(differences(), "") << "after " << writes.load() << " writes";
}


// load --delta beside a follower that writes the same staging file: marking a run loaded must wait
// for the other writer (the busy timeout), not fail at once. It did fail, with "database is
// locked", when the run's rows were counted by a query still open as the run was marked done.
TEST_F(DeltaTest, MarkingARunLoadedWaitsForAnotherWriterOfTheStagingFile) {
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  ASSERT_EQ(m2stage("load").exitCode, 0);
  server().runSql("delta_m1", "UPDATE orders SET total = total + 1 WHERE entity_id <= 5;");
  ASSERT_EQ(m2stage("extract", "--delta").exitCode, 0);
  ASSERT_EQ(m2stage("transform", "--delta").exitCode, 0);
  auto config = schema::Config::load(config_);
  stage::StageFile stage(stage_, stage::StageFile::OpenMode::MustExist);
  audit::AuditTrail audit(stage, "test");
  auto run = stage::Runs(stage).latest("delta", "delta");
  ASSERT_TRUE(run);
  load::DeltaLoader loader(config, stage, audit, run->id);
  auto result = loader.apply();

  SQLite::Database other(stage_.string(), SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");  // another process holds the write lock for a moment
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    other.exec("COMMIT");
  });
  EXPECT_NO_THROW(loader.finish(result));
  release.join();
  EXPECT_EQ(stage::Runs(stage).stepState(run->id, "load").value_or(""), "done");
  EXPECT_EQ(differences(), "");
}

TEST_F(DeltaTest, DeltalogCommandShowsInstallsAndRemovesTheCapture) {
  auto installed = m2stage("deltalog install");
  ASSERT_EQ(installed.exitCode, 0) << installed.output;
  EXPECT_NE(installed.output.find("3 tables captured, 9 triggers created"), std::string::npos) << installed.output;
  server().runSql("delta_m1", "UPDATE orders SET status = 'x' WHERE entity_id <= 4;");
  auto status = m2stage("deltalog status");
  ASSERT_EQ(status.exitCode, 0) << status.output;
  EXPECT_NE(status.output.find("3 tracked tables, 0 without complete capture"), std::string::npos) << status.output;
  EXPECT_NE(status.output.find("yes/yes/yes"), std::string::npos);
  auto connection = server().connect("delta_m1");
  EXPECT_EQ(connection->queryValue("SELECT COUNT(*) FROM m2_cl_orders WHERE processed = 0"), "4");

  auto removed = m2stage("deltalog remove");
  ASSERT_EQ(removed.exitCode, 0) << removed.output;
  EXPECT_NE(removed.output.find("9 triggers dropped"), std::string::npos) << removed.output;
  EXPECT_EQ(connection->queryValue("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'delta_m1'"), "0");
  EXPECT_EQ(connection->queryValue("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'delta_m1' "
                                   "AND TABLE_NAME LIKE 'm2\\_cl\\_%'"), "0");
  // The shop's own tables are untouched.
  EXPECT_EQ(connection->queryValue("SELECT COUNT(*) FROM orders"), "300");
  auto after = m2stage("deltalog status");
  EXPECT_NE(after.output.find("3 without complete capture"), std::string::npos) << after.output;
}

}  // namespace
}  // namespace m2stage::test
