// The official tool's `default` integration fixture carried end to end by the m2stage binary:
// extract, transform (integrity check with and without --auto, with map.xml and empty-map.xml),
// load, status.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

class DefaultFixtureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    M2STAGE_REQUIRE_SHARED_FIXTURES();
    auto fixture = sharedFixtures() / "dmt-tests" / "default";
    server().createDatabase("default_m1", fixture / "source.sql");
    server().createDatabase("default_m2", fixture / "dest.sql");
    directory_ = makeTempDir("m2stage-default");
    config_ = writeConfig(directory_, "default_m1", "default_m2",
                          "<map_file>" + (sharedFixtures() / "dmt-tests" / "_files" / "map.xml").string() +
                              "</map_file><bulk_size>3</bulk_size>");
    stage_ = directory_ / "shop.m2stage";
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  static MariaDbServer& server() { return MariaDbServer::instance(); }
  CommandResult m2stage(const std::string& command, const std::string& extra = "") {
    return runM2stage(command + " " + config_.string() + " --stage " + stage_.string() + " " + extra);
  }
  std::vector<mariadb::Row> rows(const std::string& database, const std::string& sql) {
    return server().connect(database)->query(sql);
  }

  std::filesystem::path directory_, config_, stage_;
};

TEST_F(DefaultFixtureTest, CarriesTheRenamedTableRowForRowAndLeavesIgnoredTablesAlone) {
  auto extracted = m2stage("extract");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;

  auto strict = m2stage("transform");
  EXPECT_EQ(strict.exitCode, 3) << strict.output;
  EXPECT_NE(strict.output.find("[ERROR] Source fields are not mapped. Document: common_table_extra_field. Fields: "
                               "source_field_extra"),
            std::string::npos)
      << strict.output;
  EXPECT_NE(strict.output.find("Integrity Check failed"), std::string::npos);

  auto tolerant = m2stage("transform", "--auto");
  ASSERT_EQ(tolerant.exitCode, 0) << tolerant.output;
  EXPECT_NE(tolerant.output.find("[WARNING] Source fields are not mapped. Document: common_table_extra_field."),
            std::string::npos);

  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;

  auto source = rows("default_m1", "SELECT `key`, field1, field2, field3 FROM table_with_data ORDER BY `key`");
  auto destination = rows("default_m2", "SELECT `key`, field1, field2, field3 FROM table_without_data ORDER BY `key`");
  ASSERT_EQ(source.size(), 7u);
  EXPECT_EQ(destination, source);

  // Destination SetValue handler and the destination-ignored field keep its default.
  auto common = rows("default_m2", "SELECT DISTINCT common_field, dest_field_ignored FROM common_table");
  ASSERT_EQ(common.size(), 1u);
  EXPECT_EQ(common[0][0], "123");
  EXPECT_EQ(common[0][1], "0");
  EXPECT_EQ(rows("default_m2", "SELECT COUNT(*) FROM common_table")[0][0], "7");
  // Ignored documents: nothing written.
  for (const char* table : {"table_ignored", "dest_table_ignored", "dest_table_renamed"}) {
    EXPECT_EQ(rows("default_m2", std::string("SELECT COUNT(*) FROM ") + table)[0][0], "0") << table;
  }

  auto status = runM2stage("status --stage " + stage_.string());
  EXPECT_EQ(status.exitCode, 0);
  EXPECT_NE(status.output.find("table_without_data"), std::string::npos) << status.output;

  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM \"m1.table_with_data\"").getInt(), 7);
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM \"m2.table_without_data\"").getInt(), 7);
  EXPECT_FALSE(stage.tableExists("m1.table_ignored"));
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM chunk WHERE step = 'extract' AND document = 'table_with_data'").getInt(), 3)
      << "bulk_size 3 cuts 7 rows into 3 chunks";
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM finding WHERE message = 'Source fields are not mapped. Document: "
                             "common_table_extra_field. Fields: source_field_extra'").getInt(), 1);
  EXPECT_GT(stage.execAndGet("SELECT COUNT(*) FROM audit WHERE event = 'load.end'").getInt(), 0);
}

TEST_F(DefaultFixtureTest, LoadTransformsFirstAndASecondLoadChangesNothing) {
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  auto loaded = m2stage("load", "-a");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_NE(loaded.output.find("transforming it first"), std::string::npos);
  server().connect("default_m2")->execute("INSERT INTO table_ignored VALUES (100, 1)");
  auto again = m2stage("load", "-a");
  ASSERT_EQ(again.exitCode, 0) << again.output;
  EXPECT_EQ(rows("default_m2", "SELECT COUNT(*) FROM table_without_data")[0][0], "7");
  EXPECT_EQ(rows("default_m2", "SELECT COUNT(*) FROM table_ignored")[0][0], "1");
}

TEST_F(DefaultFixtureTest, PasswordsNeverReachTheStagingFile) {
  auto admin = server().connect("mysql");
  admin->execute("CREATE OR REPLACE USER 'shop'@'localhost' IDENTIFIED BY 'Sekr3t-Pa55'");
  admin->execute("GRANT ALL ON *.* TO 'shop'@'localhost'");
  std::string text = "<?xml version=\"1.0\"?><config><source><database host=\"" + server().socket().string() +
                     "\" name=\"default_m1\" user=\"shop\" password=\"Sekr3t-Pa55\"/></source><destination><database host=\"" +
                     server().socket().string() + "\" name=\"default_m2\" user=\"shop\" password=\"Sekr3t-Pa55\"/>"
                     "</destination><options><map_file>" + (sharedFixtures() / "dmt-tests" / "_files" / "map.xml").string() +
                     "</map_file></options></config>";
  std::ofstream(config_) << text;
  auto extracted = m2stage("extract", "--log-file " + (directory_ / "m2stage.log").string());
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  ASSERT_EQ(m2stage("load", "-a").exitCode, 0);
  std::ifstream file(stage_, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_GT(bytes.size(), 0u);
  EXPECT_EQ(bytes.find("Sekr3t-Pa55"), std::string::npos);
  std::ifstream log(directory_ / "m2stage.log");
  std::string logText((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_NE(logText.find("extract"), std::string::npos);
  EXPECT_EQ(logText.find("Sekr3t-Pa55"), std::string::npos);
}

// The official fixture's empty-map.xml: every document maps to itself, so the tables only one side
// has are not mapped, and so are the fields the map would ignore. The official messages, in the
// official order, one line per document; the type mismatches are warnings even without --auto.
TEST_F(DefaultFixtureTest, TheEmptyMapGivesTheOfficialMessagesInTheOfficialOrder) {
  config_ = writeConfig(directory_, "default_m1", "default_m2",
                        "<map_file>" + (sharedFixtures() / "dmt-tests" / "_files" / "empty-map.xml").string() + "</map_file>");
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  const std::vector<std::string> expected = {
      "Source documents are not mapped: source_table_1,source_table_2,source_table_ignored,source_table_renamed,"
      "table_with_data",
      "Destination documents are not mapped: dest_table_1,dest_table_2,dest_table_ignored,dest_table_renamed,"
      "table_without_data",
      "Source fields are not mapped. Document: common_table. Fields: source_field_ignored",
      "Source fields are not mapped. Document: common_table_extra_field. Fields: source_field_extra",
      "Destination fields are not mapped. Document: common_table. Fields: dest_field_ignored",
  };
  // Every integrity line of the output, without its timestamp, in order.
  auto integrityLines = [&](const std::string& output) {
    std::vector<std::string> lines;
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);) {
      auto level = line.find("+00:00][");
      if (level == std::string::npos || line.find("are not mapped") == std::string::npos) continue;
      lines.push_back(line.substr(level + 7));
    }
    return lines;
  };
  auto withLevel = [&](const std::string& level) {
    std::vector<std::string> lines;
    for (const auto& message : expected) lines.push_back("[" + level + "] " + message);
    return lines;
  };
  auto findings = [&] {
    SQLite::Database stage(stage_.string());
    SQLite::Statement query(stage, "SELECT severity || '|' || message FROM finding WHERE step = 'transform' ORDER BY finding_id");
    std::vector<std::string> rows;
    while (query.executeStep()) rows.push_back(query.getColumn(0).getString());
    return rows;
  };
  auto withSeverity = [&](const std::string& severity) {
    std::vector<std::string> rows;
    for (const auto& message : expected) rows.push_back(severity + "|" + message);
    return rows;
  };

  auto strict = m2stage("transform");
  EXPECT_EQ(strict.exitCode, 3) << strict.output;
  EXPECT_EQ(integrityLines(strict.output), withLevel("ERROR")) << strict.output;
  EXPECT_NE(strict.output.find("[ERROR] Integrity Check failed"), std::string::npos) << strict.output;
  EXPECT_EQ(findings(), withSeverity("error"));
  {
    SQLite::Database stage(stage_.string());
    EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM chunk WHERE step = 'transform'").getInt(), 0) << "nothing transformed";
  }

  auto tolerant = m2stage("transform", "--auto");
  ASSERT_EQ(tolerant.exitCode, 0) << tolerant.output;
  EXPECT_EQ(integrityLines(tolerant.output), withLevel("WARNING")) << tolerant.output;
  EXPECT_EQ(findings(), withSeverity("warning"));
  SQLite::Database stage(stage_.string());
  SQLite::Statement copied(stage, "SELECT group_concat(m2.common_field, ',') = group_concat(m1.common_field, ','), "
                                  "COUNT(*) FROM \"m2.common_table\" m2 JOIN \"m1.common_table\" m1 USING (\"key\")");
  ASSERT_TRUE(copied.executeStep());
  EXPECT_EQ(copied.getColumn(0).getInt(), 1) << "common_table maps to itself, field for field";
  EXPECT_EQ(copied.getColumn(1).getInt(), 7);
  EXPECT_FALSE(stage.tableExists("m2.table_without_data")) << "not mapped: nothing goes there";
}

}  // namespace
}  // namespace m2stage::test
