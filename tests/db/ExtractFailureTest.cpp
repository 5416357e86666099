// Extract when things go wrong under it: a table dropped or altered while it runs, the disk
// holding the staging file filling up, and a groups file naming tables Magento 1 lacks. Each must
// end with one line naming what failed, a documented exit code, and a staging file the next run
// continues from.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <cstdlib>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

class ExtractFailureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = makeTempDir("m2stage-extract-failure");
    stage_ = directory_ / "shop.m2stage";
  }
  void TearDown() override {
    if (mounted_) std::system(fmt::format("umount {}", (directory_ / "disk").string()).c_str());
    std::filesystem::remove_all(directory_);
  }
  static MariaDbServer& server() { return MariaDbServer::instance(); }

  // a_big is read first (largest, and first by name), z_victim after it.
  std::filesystem::path createShop(const std::string& database, int bigRows) {
    server().createDatabase(database);
    server().runSql(database, fmt::format("CREATE TABLE a_big (id INT NOT NULL PRIMARY KEY, a VARCHAR(100));"
                                          "INSERT INTO a_big SELECT seq, REPEAT('x', 90) FROM seq_1_to_{};"
                                          "CREATE TABLE z_victim (id INT NOT NULL PRIMARY KEY, b INT);"
                                          "INSERT INTO z_victim SELECT seq, seq FROM seq_1_to_100;",
                                          bigRows));
    return writeConfig(directory_, database, database, "<bulk_size>500</bulk_size>");
  }
  CommandResult extract(const std::filesystem::path& configFile, const std::string& extra = "") {
    return runM2stage("extract " + configFile.string() + " --stage " + stage_.string() + " --jobs 1 " + extra);
  }
  // Starts extract in a child process and returns once it has committed `chunks` chunks.
  pid_t startExtractAndWait(const std::filesystem::path& configFile, int chunks) {
    pid_t child = startM2stage({"extract", configFile.string(), "--stage", stage_.string(), "--jobs", "1", "-q"});
    waitForStage(child, stage_, "SELECT COUNT(*) FROM chunk", chunks);
    return child;
  }
  static int exitCodeOf(pid_t child) {
    int status = -1;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::int64_t staged(const std::string& table) {
    SQLite::Database stage(stage_.string());
    return stage.execAndGet(fmt::format("SELECT COUNT(*) FROM \"m1.{}\"", table)).getInt64();
  }

  std::filesystem::path directory_, stage_;
  bool mounted_ = false;
};

TEST_F(ExtractFailureTest, ATableDroppedMidRunStopsWithItsNameAndTheRunContinuesOnceItIsBack) {
  auto configFile = createShop("drop_m1", 200000);
  pid_t child = startExtractAndWait(configFile, 5);
  server().runSql("drop_m1", "DROP TABLE z_victim");
  EXPECT_EQ(exitCodeOf(child), 4);
  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT state FROM run_step WHERE step = 'extract'").getString(), "failed");
  EXPECT_NE(stage.execAndGet("SELECT detail FROM audit WHERE event = 'extract.failed'").getString().find("z_victim"),
            std::string::npos);

  auto again = extract(configFile);
  EXPECT_EQ(again.exitCode, 4) << again.output;
  EXPECT_NE(again.output.find("source table z_victim was dropped during the run"), std::string::npos) << again.output;

  server().runSql("drop_m1", "CREATE TABLE z_victim (id INT NOT NULL PRIMARY KEY, b INT); INSERT INTO z_victim VALUES (1, 1);");
  auto resumed = extract(configFile);
  ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("continuing run 1"), std::string::npos) << resumed.output;
  EXPECT_EQ(staged("a_big"), 200000);
  EXPECT_EQ(staged("z_victim"), 1);
}

// An ALTER that rebuilds the table while extract's snapshot is open makes the read fail ("Table
// definition has changed"); the resumed run must not read the new shape into the old run either.
TEST_F(ExtractFailureTest, ATableAlteredMidRunStopsWithItsNameAndAsksForANewRun) {
  auto configFile = createShop("alter_m1", 200000);
  pid_t child = startExtractAndWait(configFile, 5);
  server().runSql("alter_m1", "ALTER TABLE z_victim MODIFY b BIGINT, ALGORITHM=COPY");
  int code = exitCodeOf(child);
  SQLite::Database stage(stage_.string());
  if (code == 4) {
    EXPECT_NE(stage.execAndGet("SELECT detail FROM audit WHERE event = 'extract.failed'").getString().find(
                  "reading source table z_victim: "),
              std::string::npos);
  } else {
    EXPECT_EQ(code, 0) << "the ALTER waited for extract to finish";
  }
  if (code == 0) GTEST_SKIP() << "extract read z_victim before the ALTER reached it";
  auto again = extract(configFile);
  EXPECT_EQ(again.exitCode, 4) << again.output;
  EXPECT_NE(again.output.find("source table z_victim was altered during the run (column b is now bigint(20), was int(11)); "
                              "start a new run with --reset"),
            std::string::npos)
      << again.output;
  auto fresh = extract(configFile, "--reset");
  ASSERT_EQ(fresh.exitCode, 0) << fresh.output;
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM \"m1.a_big\" WHERE _run = 2").getInt(), 200000);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM \"m1.z_victim\" WHERE _run = 2").getInt(), 100);
}

// The staging file sits on a 3 MiB tmpfs: extract stops with "disk is full" (exit 5), and once
// there is room again the same command continues the run to the same rows as a clean run.
TEST_F(ExtractFailureTest, AFullDiskStopsCleanlyAndTheRunContinuesOnceThereIsRoom) {
  auto disk = directory_ / "disk";
  std::filesystem::create_directory(disk);
  if (std::system(fmt::format("mount -t tmpfs -o size=3m tmpfs {} 2>/dev/null", disk.string()).c_str()) != 0)
    GTEST_SKIP() << "needs permission to mount a tmpfs";
  mounted_ = true;
  stage_ = disk / "shop.m2stage";
  auto configFile = createShop("full_m1", 100000);
  auto full = extract(configFile);
  EXPECT_EQ(full.exitCode, 5) << full.output;
  EXPECT_NE(full.output.find("database or disk is full (SQLite error 13); free space there and run the same command again"), std::string::npos)
      << full.output;
  EXPECT_NE(full.output.find(stage_.string()), std::string::npos) << full.output;

  // Room for the rows and for the WAL (extract folds it into the file from 2 MiB, and restarts it
  // from 16 MiB).
  ASSERT_EQ(std::system(fmt::format("mount -o remount,size=256m {}", disk.string()).c_str()), 0);
  auto resumed = extract(configFile);
  ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("continuing run 1"), std::string::npos) << resumed.output;
  EXPECT_EQ(staged("a_big"), 100000);
  EXPECT_EQ(staged("z_victim"), 100);
}

// A groups file (delta_document_groups_file) naming tables Magento 1 lacks: the official message 1,
// word for word, an error finding and exit 3; with --auto a warning finding and the run goes on.
TEST_F(ExtractFailureTest, AGroupsFileNamingAbsentTablesIsOfficialMessage1) {
  server().createDatabase("groups_m1");
  server().runSql("groups_m1", "CREATE TABLE present (id INT NOT NULL PRIMARY KEY, b INT);"
                               "INSERT INTO present VALUES (1, 10), (2, 20);");
  auto groups = directory_ / "deltalog.xml";
  std::ofstream(groups) << "<groups><group name=\"delta_one\"><document key=\"id\">present</document>"
                           "<document key=\"id\">ghost_two</document></group>"
                           "<group name=\"delta_two\"><document key=\"id\">ghost_one</document></group></groups>";
  auto configFile = writeConfig(directory_, "groups_m1", "groups_m1",
                                "<delta_document_groups_file>" + groups.string() + "</delta_document_groups_file>");
  const std::string message = "Source documents are missing: ghost_two,ghost_one";
  auto findings = [&] {
    SQLite::Database stage(stage_.string());
    SQLite::Statement query(stage, "SELECT step || '|' || kind || '|' || side || '|' || fields || '|' || severity || '|' || "
                                   "message FROM finding");
    std::vector<std::string> rows;
    while (query.executeStep()) rows.push_back(query.getColumn(0).getString());
    return rows;
  };

  auto strict = extract(configFile);
  EXPECT_EQ(strict.exitCode, 3) << strict.output;
  EXPECT_NE(strict.output.find("[ERROR] " + message + "\n"), std::string::npos) << strict.output;
  EXPECT_NE(strict.output.find("Integrity Check failed"), std::string::npos) << strict.output;
  EXPECT_EQ(findings(), std::vector<std::string>{"extract|documents_missing|source|ghost_two,ghost_one|error|" + message});
  {
    SQLite::Database stage(stage_.string());
    EXPECT_EQ(stage.execAndGet("SELECT state FROM run_step WHERE step = 'extract'").getString(), "failed");
    EXPECT_FALSE(stage.tableExists("m1.present")) << "stopped before any row";
  }

  auto tolerant = extract(configFile, "--auto");
  ASSERT_EQ(tolerant.exitCode, 0) << tolerant.output;
  EXPECT_NE(tolerant.output.find("[WARNING] " + message + "\n"), std::string::npos) << tolerant.output;
  EXPECT_EQ(findings(), std::vector<std::string>{"extract|documents_missing|source|ghost_two,ghost_one|warning|" + message});
  EXPECT_EQ(staged("present"), 2);
  EXPECT_EQ(server().connect("groups_m1")->query("SELECT COUNT(*) FROM information_schema.TRIGGERS "
                                                 "WHERE TRIGGER_SCHEMA = 'groups_m1' AND EVENT_OBJECT_TABLE = 'present'")[0][0],
            "3")
      << "change capture still covers the tables that are there";
}

// Settings mode: the Settings step's core_config_data missing in Magento 1 is the same message.
TEST_F(ExtractFailureTest, SettingsModeWithoutCoreConfigDataIsOfficialMessage1) {
  server().createDatabase("nosettings_m1");
  server().runSql("nosettings_m1", "CREATE TABLE core_store (store_id INT NOT NULL PRIMARY KEY);");
  auto settingsMap = sourceDir() / "schema" / "maps" / "ce-1.9-to-2.4" / "settings.xml";
  auto configFile = writeConfig(directory_, "nosettings_m1", "nosettings_m1",
                                "<settings_map_file>" + settingsMap.string() + "</settings_map_file>",
                                "<steps mode=\"settings\"><step title=\"Settings Step\">"
                                "<integrity>Migration\\Step\\Settings\\Integrity</integrity>"
                                "<data>Migration\\Step\\Settings\\Data</data></step></steps>");
  auto strict = extract(configFile, "--mode settings");
  EXPECT_EQ(strict.exitCode, 3) << strict.output;
  EXPECT_NE(strict.output.find("[ERROR] Source documents are missing: core_config_data\n"), std::string::npos) << strict.output;
  auto tolerant = extract(configFile, "--mode settings --auto");
  EXPECT_EQ(tolerant.exitCode, 0) << tolerant.output;
  EXPECT_NE(tolerant.output.find("[WARNING] Source documents are missing: core_config_data\n"), std::string::npos)
      << tolerant.output;
  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT severity FROM finding WHERE kind = 'documents_missing' AND side = 'source'").getString(),
            "warning");
}

}  // namespace
}  // namespace m2stage::test
