// The m2stage command line, run as a user would: exit codes and the first line a user reads.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "cmd/ExitCode.hpp"
#include "support/M2stageRunner.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using namespace m2stage::cmd;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = makeTempDir("m2stage-cli"); }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::filesystem::path write(const std::string& name, const std::string& text) {
    auto path = directory_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::string quoted(const std::filesystem::path& path) const { return "'" + path.string() + "'"; }

  std::filesystem::path directory_;
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_F(CliTest, HelpExitsZeroAndListsCommandsAndExitCodes) {
  auto result = runM2stage("--help");
  EXPECT_EQ(result.exitCode, kSuccess) << result.output;
  for (const char* word : {"Usage: m2stage", "extract", "transform", "load", "status", "130 interrupted"}) {
    EXPECT_TRUE(contains(result.output, word)) << word << "\n" << result.output;
  }
  EXPECT_EQ(runM2stage("-h").exitCode, kSuccess);
  EXPECT_EQ(runM2stage("help").exitCode, kSuccess);
}

TEST_F(CliTest, CommandHelpExitsZero) {
  auto result = runM2stage("extract --help");
  EXPECT_EQ(result.exitCode, kSuccess) << result.output;
  EXPECT_TRUE(contains(result.output, "--stage")) << result.output;
  EXPECT_TRUE(contains(result.output, "--auto")) << result.output;
  EXPECT_EQ(runM2stage("status --help").exitCode, kSuccess);
}

TEST_F(CliTest, VersionExitsZero) {
  auto result = runM2stage("--version");
  EXPECT_EQ(result.exitCode, kSuccess) << result.output;
  EXPECT_EQ(result.output.rfind("m2stage ", 0), 0u) << result.output;
}

TEST_F(CliTest, NoArgumentsIsAUsageError) {
  auto result = runM2stage("");
  EXPECT_EQ(result.exitCode, kUsageError) << result.output;
  EXPECT_TRUE(contains(result.output, "Usage:")) << result.output;
}

TEST_F(CliTest, UnknownCommandIsAUsageError) {
  auto result = runM2stage("frobnicate --stage x.m2stage");
  EXPECT_EQ(result.exitCode, kUsageError) << result.output;
  EXPECT_TRUE(contains(result.output, "unknown command \"frobnicate\"")) << result.output;
}

TEST_F(CliTest, UnknownOptionIsAUsageError) {
  auto stage = directory_ / "shop.m2stage";
  auto result = runM2stage("status --stage " + quoted(stage) + " --frobnicate");
  EXPECT_EQ(result.exitCode, kUsageError) << result.output;
  EXPECT_TRUE(contains(result.output, "--frobnicate")) << result.output;
  EXPECT_FALSE(std::filesystem::exists(stage));
}

TEST_F(CliTest, BadOptionValueIsAUsageError) {
  auto result = runM2stage("status --stage " + quoted(directory_ / "shop.m2stage") + " --run abc");
  EXPECT_EQ(result.exitCode, kUsageError) << result.output;
}

TEST_F(CliTest, MissingStageIsAUsageError) {
  auto result = runM2stage("status");
  EXPECT_EQ(result.exitCode, kUsageError) << result.output;
  EXPECT_TRUE(contains(result.output, "--stage FILE is required")) << result.output;
}

TEST_F(CliTest, MissingConfigArgumentIsAUsageError) {
  auto result = runM2stage("extract --stage " + quoted(directory_ / "shop.m2stage"));
  EXPECT_EQ(result.exitCode, kUsageError) << result.output;
  EXPECT_TRUE(contains(result.output, "config.xml is required")) << result.output;
}

TEST_F(CliTest, UnexpectedExtraArgumentIsAUsageError) {
  auto result = runM2stage("status extra --stage " + quoted(directory_ / "shop.m2stage"));
  EXPECT_EQ(result.exitCode, kUsageError) << result.output;
  EXPECT_TRUE(contains(result.output, "unexpected argument \"extra\"")) << result.output;
}

TEST_F(CliTest, MissingConfigFileIsAUsageErrorWithTheOfficialMessage) {
  auto config = directory_ / "no-such-config.xml";
  auto stage = directory_ / "shop.m2stage";
  for (std::string command : {"extract", "transform", "load", "schema"}) {
    auto result = runM2stage(command + " " + quoted(config) + " --stage " + quoted(stage));
    EXPECT_EQ(result.exitCode, kUsageError) << command << "\n" << result.output;
    EXPECT_TRUE(contains(result.output, "Invalid config filename: " + config.string())) << command << "\n" << result.output;
  }
  auto viaOption = runM2stage("extract --config " + quoted(config) + " --stage " + quoted(stage));
  EXPECT_EQ(viaOption.exitCode, kUsageError) << viaOption.output;
  EXPECT_TRUE(contains(viaOption.output, "Invalid config filename")) << viaOption.output;
  EXPECT_FALSE(std::filesystem::exists(stage)) << "nothing is created before the config is read";
}

TEST_F(CliTest, MalformedConfigIsAUsageErrorNamingFileAndLine) {
  auto config = write("config.xml", "<?xml version=\"1.0\"?>\n<config>\n  <source>\n</config>\n");
  auto stage = directory_ / "shop.m2stage";
  auto result = runM2stage("extract " + quoted(config) + " --stage " + quoted(stage));
  EXPECT_EQ(result.exitCode, kUsageError) << result.output;
  EXPECT_TRUE(contains(result.output, config.string() + ":4:")) << result.output;
  EXPECT_FALSE(std::filesystem::exists(stage));
}

TEST_F(CliTest, InvalidConfigContentIsAUsageErrorNamingFileAndLine) {
  auto config = write("config.xml",
                      "<config>\n  <source><database host=\"h\" name=\"n\" user=\"u\"/></source>\n"
                      "  <destination><database host=\"h\" name=\"n\" user=\"u\" port=\"nope\"/></destination>\n"
                      "</config>\n");
  auto result = runM2stage("transform " + quoted(config) + " --stage " + quoted(directory_ / "shop.m2stage"));
  EXPECT_EQ(result.exitCode, kUsageError) << result.output;
  EXPECT_TRUE(contains(result.output, config.string() + ":3: port \"nope\"")) << result.output;
}

TEST_F(CliTest, MissingMapFileIsAUsageError) {
  auto config = write("config.xml",
                      "<config>\n  <source><database host=\"h\" name=\"n\" user=\"u\"/></source>\n"
                      "  <destination><database host=\"h\" name=\"n\" user=\"u\"/></destination>\n"
                      "  <options><map_file>maps/map.xml</map_file></options>\n</config>\n");
  auto result = runM2stage("extract " + quoted(config) + " --stage " + quoted(directory_ / "shop.m2stage"));
  EXPECT_EQ(result.exitCode, kUsageError) << result.output;
  EXPECT_TRUE(contains(result.output, "Invalid map filename: " + (directory_ / "maps/map.xml").string()))
      << "resolved against the config's folder\n"
      << result.output;
}

TEST_F(CliTest, StatusOnAMissingStagingFileIsAStageError) {
  auto stage = directory_ / "missing.m2stage";
  auto result = runM2stage("status --stage " + quoted(stage));
  EXPECT_EQ(result.exitCode, kStageError) << result.output;
  EXPECT_TRUE(contains(result.output, stage.string())) << result.output;
  EXPECT_FALSE(std::filesystem::exists(stage)) << "status never creates a staging file";
}

TEST_F(CliTest, StatusOnAFileThatIsNotAStagingFileIsAStageError) {
  auto text = write("notes.txt", "these are not the rows you are looking for\n");
  auto result = runM2stage("status --stage " + quoted(text));
  EXPECT_EQ(result.exitCode, kStageError) << result.output;
  EXPECT_TRUE(contains(result.output, text.string())) << result.output;
}

TEST_F(CliTest, VerbosityFlagsAreAccepted) {
  auto stage = quoted(directory_ / "missing.m2stage");
  for (const char* flags : {"-v", "-vv", "-vvv", "-v -v", "--verbose", "-q"}) {
    auto result = runM2stage(std::string("status ") + flags + " --stage " + stage);
    EXPECT_EQ(result.exitCode, kStageError) << flags << " must parse, then fail on the missing file\n" << result.output;
  }
}

TEST_F(CliTest, LogFileReceivesTheErrorLine) {
  auto log = directory_ / "m2stage.log";
  auto result = runM2stage("status --stage " + quoted(directory_ / "missing.m2stage") + " --log-file " + quoted(log));
  EXPECT_EQ(result.exitCode, kStageError) << result.output;
  std::ifstream in(log);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(contains(text, "[ERROR]")) << text;
  EXPECT_TRUE(contains(text, "missing.m2stage")) << text;
}

TEST_F(CliTest, UnwritableLogFileIsAUsageError) {
  auto notAFolder = write("notes.txt", "a file, so nothing can be created beneath it\n");
  auto result = runM2stage("status --stage " + quoted(directory_ / "shop.m2stage") + " --log-file " +
                           quoted(notAFolder / "m2stage.log"));
  EXPECT_EQ(result.exitCode, kUsageError) << result.output;
  EXPECT_TRUE(contains(result.output, "cannot open log file")) << result.output;
}

}  // namespace
}  // namespace m2stage::test
