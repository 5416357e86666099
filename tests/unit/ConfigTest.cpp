// config.xml: databases, options, steps, and the messages for bad files (file and line named).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>

#include "schema/Config.hpp"
#include "schema/XmlFile.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using schema::Config;
using schema::InputError;
using schema::Side;

// Restores an environment variable when the test ends.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_.c_str(), old_->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = makeTempDir("m2stage-config"); }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::filesystem::path write(const std::string& text, const std::string& name = "config.xml") {
    auto path = directory_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // A config whose <source>/<destination>/<options> are given; steps optional.
  std::filesystem::path writeConfig(const std::string& source, const std::string& destination,
                                    const std::string& options = "", const std::string& steps = "") {
    return write("<?xml version=\"1.0\"?>\n<config>\n" + steps + "  <source>\n    " + source +
                 "\n  </source>\n  <destination>\n    " + destination + "\n  </destination>\n  <options>\n" + options +
                 "  </options>\n</config>\n");
  }

  Config withOptions(const std::string& options) {
    return Config::load(writeConfig(R"(<database host="h" name="m1" user="u"/>)",
                                    R"(<database host="h" name="m2" user="u"/>)", options));
  }

  std::string errorOf(const std::filesystem::path& path) {
    try {
      Config::load(path);
    } catch (const InputError& error) {
      return error.what();
    }
    return "";
  }

  std::filesystem::path directory_;
};

const char* kFullConfig = R"(<?xml version="1.0" encoding="UTF-8"?>
<config>
    <steps mode="data">
        <step title="Map Step">
            <integrity>Migration\Step\Map\Integrity</integrity>
            <data>Migration\Step\Map\Data</data>
        </step>
        <step title="Log Step">
            <integrity>Migration\Step\Log\Integrity</integrity>
        </step>
    </steps>
    <steps mode="delta">
        <step title="Map Step">
            <delta>Migration\Step\Map\Delta</delta>
        </step>
    </steps>
    <steps mode="data">
        <step title="Map Step">
            <data>Migration\Step\Map\DataOverride</data>
            <volume>Migration\Step\Map\Volume</volume>
        </step>
        <step title="Ratings Step">
            <integrity>Migration\Step\Ratings\Integrity</integrity>
        </step>
    </steps>
    <source>
        <database host="/var/run/mysqld/mysqld.sock" name="magento1" user="m1user" password="s3cret-source"
                  ssl_ca="/etc/ssl/ca.pem" ssl_cert="/etc/ssl/cert.pem" ssl_key="/etc/ssl/key.pem"/>
    </source>
    <destination>
        <database host="db.example:3307" name="magento2" user="m2user" password="s3cret-dest"/>
    </destination>
    <options>
        <!-- comments between options are fine -->
        <map_file>maps/map.xml</map_file>
        <class_map>/abs/class-map.xml</class_map>
        <bulk_size> 2000 </bulk_size>
        <source_prefix>m1_</source_prefix>
        <dest_prefix />
        <my_own_option>kept</my_own_option>
        <init_statements_source>SET NAMES utf8; SET time_zone = '+00:00';</init_statements_source>
        <init_statements_destination>set names 'utf8mb3';;SET SQL_SAFE_UPDATES=0</init_statements_destination>
    </options>
</config>
)";

TEST_F(ConfigTest, ReadsSocketHostSslAndPasswords) {
  auto config = Config::load(write(kFullConfig));
  const auto& source = config.database(Side::Source);
  EXPECT_EQ(source.socket, "/var/run/mysqld/mysqld.sock");
  EXPECT_EQ(source.host, "");
  EXPECT_EQ(source.port, 0u);
  EXPECT_EQ(source.name, "magento1");
  EXPECT_EQ(source.user, "m1user");
  EXPECT_EQ(source.password, "s3cret-source");
  EXPECT_EQ(source.sslCa, "/etc/ssl/ca.pem");
  EXPECT_EQ(source.sslCert, "/etc/ssl/cert.pem");
  EXPECT_EQ(source.sslKey, "/etc/ssl/key.pem");
  EXPECT_EQ(source.optionGroup, "client");
  EXPECT_EQ(source.describe(), "m1user@/var/run/mysqld/mysqld.sock/magento1");
}

TEST_F(ConfigTest, SplitsHostColonPortForm) {
  auto config = Config::load(write(kFullConfig));
  const auto& destination = config.database(Side::Destination);
  EXPECT_EQ(destination.host, "db.example");
  EXPECT_EQ(destination.port, 3307u);
  EXPECT_EQ(destination.socket, "");
  EXPECT_EQ(destination.describe(), "m2user@db.example:3307/magento2");
  EXPECT_EQ(destination.describe().find("s3cret"), std::string::npos);
}

TEST_F(ConfigTest, ReadsPortAttribute) {
  auto config = Config::load(writeConfig(R"(<database host="127.0.0.1" port="3308" name="a" user="u"/>)",
                                         R"(<database host="localhost" port="" name="b" user="u"/>)"));
  EXPECT_EQ(config.database(Side::Source).host, "127.0.0.1");
  EXPECT_EQ(config.database(Side::Source).port, 3308u);
  EXPECT_EQ(config.database(Side::Destination).host, "localhost");
  EXPECT_EQ(config.database(Side::Destination).port, 0u) << "an empty port means the client default";
}

TEST_F(ConfigTest, KeepsEveryOptionIncludingUnknownOnes) {
  auto config = Config::load(write(kFullConfig));
  EXPECT_EQ(config.option("my_own_option"), "kept");
  EXPECT_EQ(config.options().count("my_own_option"), 1u);
  EXPECT_EQ(config.option("bulk_size"), "2000") << "option text is trimmed";
  EXPECT_EQ(config.options().count("dest_prefix"), 1u);
  EXPECT_EQ(config.option("dest_prefix", "fallback"), "fallback") << "empty counts as absent";
  EXPECT_EQ(config.option("no_such_option", "fallback"), "fallback");
  EXPECT_EQ(config.prefix(Side::Source), "m1_");
  EXPECT_EQ(config.prefix(Side::Destination), "");
  EXPECT_EQ(config.options().size(), 8u) << "the comment is not an option";
}

TEST_F(ConfigTest, MergesStepsByTitleAndLaterStageWins) {
  auto config = Config::load(write(kFullConfig));
  const auto& data = config.steps("data");
  ASSERT_EQ(data.size(), 3u);
  EXPECT_EQ(data[0].title, "Map Step");
  EXPECT_EQ(data[1].title, "Log Step");
  EXPECT_EQ(data[2].title, "Ratings Step");
  EXPECT_EQ(data[0].stages.size(), 3u);
  EXPECT_EQ(data[0].stages.at("integrity"), "Migration\\Step\\Map\\Integrity");
  EXPECT_EQ(data[0].stages.at("data"), "Migration\\Step\\Map\\DataOverride") << "the later block replaces";
  EXPECT_EQ(data[0].stages.at("volume"), "Migration\\Step\\Map\\Volume");
  EXPECT_EQ(data[0].line, 4) << "a step keeps the line where it first appeared";

  const auto& delta = config.steps("delta");
  ASSERT_EQ(delta.size(), 1u);
  EXPECT_EQ(delta[0].stages.at("delta"), "Migration\\Step\\Map\\Delta");
  EXPECT_EQ(delta[0].stages.count("data"), 0u) << "modes do not mix";
  EXPECT_TRUE(config.steps("settings").empty());
}

TEST_F(ConfigTest, BulkSizeFollowsTheOfficialRules) {
  EXPECT_EQ(withOptions("").bulkSize(), 50000u) << "absent";
  EXPECT_EQ(withOptions("<bulk_size/>").bulkSize(), 50000u) << "empty";
  EXPECT_EQ(withOptions("<bulk_size>0</bulk_size>").bulkSize(), 50000u) << "zero";
  EXPECT_EQ(withOptions("<bulk_size>-1</bulk_size>").bulkSize(), 100u) << "negative";
  EXPECT_EQ(withOptions("<bulk_size>-5000</bulk_size>").bulkSize(), 100u) << "negative";
  EXPECT_EQ(withOptions("<bulk_size>1</bulk_size>").bulkSize(), 1u);
  EXPECT_EQ(withOptions("<bulk_size>50000</bulk_size>").bulkSize(), 50000u);
  EXPECT_EQ(withOptions("<bulk_size>50001</bulk_size>").bulkSize(), 50000u) << "capped";
  EXPECT_EQ(withOptions("<bulk_size>2000000</bulk_size>").bulkSize(), 50000u) << "capped";
}

TEST_F(ConfigTest, RelativeFileOptionsResolveAgainstTheConfigFolder) {
  auto path = write(kFullConfig, "etc/nested/config.xml");
  auto config = Config::load(path);
  EXPECT_TRUE(config.file().is_absolute());
  EXPECT_EQ(config.fileOption("map_file"), std::filesystem::absolute(directory_ / "etc/nested/maps/map.xml"));
  EXPECT_EQ(config.fileOption("class_map"), std::filesystem::path("/abs/class-map.xml")) << "absolute stays";
  EXPECT_EQ(config.fileOption("eav_map_file"), std::filesystem::path()) << "absent gives empty";
}

TEST_F(ConfigTest, RelativeConfigPathStillResolvesFilesAgainstItsFolder) {
  write(kFullConfig, "etc/config.xml");
  auto previous = std::filesystem::current_path();
  std::filesystem::current_path(directory_);
  std::filesystem::path mapFile;
  try {
    mapFile = Config::load("etc/config.xml").fileOption("map_file");
  } catch (...) {
    std::filesystem::current_path(previous);
    throw;
  }
  std::filesystem::current_path(previous);
  EXPECT_EQ(mapFile, std::filesystem::absolute(directory_ / "etc/maps/map.xml"));
}

TEST_F(ConfigTest, InitStatementsSplitOnSemicolonAndRaiseUtf8ToUtf8mb4) {
  auto config = Config::load(write(kFullConfig));
  EXPECT_EQ(config.initStatements(Side::Source),
            (std::vector<std::string>{"SET NAMES utf8mb4", "SET time_zone = '+00:00'"}));
  EXPECT_EQ(config.initStatements(Side::Destination),
            (std::vector<std::string>{"SET NAMES utf8mb4", "SET SQL_SAFE_UPDATES=0"}));
}

TEST_F(ConfigTest, InitStatementsKeepOtherCharsetsAndMayBeAbsent) {
  auto config = withOptions(
      "<init_statements_source>SET NAMES latin1</init_statements_source>"
      "<init_statements_destination>\n  SET NAMES utf8mb4 COLLATE utf8mb4_general_ci;\n</init_statements_destination>");
  EXPECT_EQ(config.initStatements(Side::Source), (std::vector<std::string>{"SET NAMES latin1"}));
  EXPECT_EQ(config.initStatements(Side::Destination),
            (std::vector<std::string>{"SET NAMES utf8mb4 COLLATE utf8mb4_general_ci"}));
  EXPECT_TRUE(withOptions("").initStatements(Side::Source).empty());
}

TEST_F(ConfigTest, EnvironmentPasswordIsUsedOnlyWhenTheXmlHasNone) {
  ScopedEnv source("M2STAGE_SOURCE_PASSWORD", "from-env-source");
  ScopedEnv destination("M2STAGE_DESTINATION_PASSWORD", "from-env-dest");
  auto fromXml = Config::load(write(kFullConfig));
  EXPECT_EQ(fromXml.database(Side::Source).password, "s3cret-source");
  EXPECT_EQ(fromXml.database(Side::Destination).password, "s3cret-dest");

  auto fromEnv = withOptions("");
  EXPECT_EQ(fromEnv.database(Side::Source).password, "from-env-source");
  EXPECT_EQ(fromEnv.database(Side::Destination).password, "from-env-dest");
}

TEST_F(ConfigTest, NoPasswordAnywhereGivesEmpty) {
  ScopedEnv source("M2STAGE_SOURCE_PASSWORD", nullptr);
  ScopedEnv destination("M2STAGE_DESTINATION_PASSWORD", nullptr);
  auto config = withOptions("");
  EXPECT_EQ(config.database(Side::Source).password, "");
  EXPECT_EQ(config.database(Side::Destination).password, "");
}

TEST_F(ConfigTest, RedactedTextHasNoPassword) {
  auto config = Config::load(write(kFullConfig));
  std::string text = config.redactedText();
  EXPECT_EQ(text.find("s3cret"), std::string::npos) << text;
  EXPECT_NE(text.find("magento1"), std::string::npos) << "the rest is kept";
  EXPECT_NE(text.find("my_own_option"), std::string::npos);
  EXPECT_NE(text.find("password=\"\""), std::string::npos) << "the attribute stays, blanked";
}

const char* kCryptKeyOptions =
    "    <crypt_key>m1-secret-key-in-xml</crypt_key>\n"
    "    <destination_crypt_key>\n      m2-old-secret-key\n      m2-secret-key-in-xml\n    </destination_crypt_key>\n"
    "    <class_map>kept-class-map.xml</class_map>\n";

TEST_F(ConfigTest, CryptKeysComeFromTheXmlOrTheEnvironmentWhichWins) {
  ScopedEnv source("M2STAGE_CRYPT_KEY", nullptr);
  ScopedEnv destination("M2STAGE_DESTINATION_CRYPT_KEY", nullptr);
  auto fromXml = withOptions(kCryptKeyOptions);
  EXPECT_EQ(fromXml.option("crypt_key"), "m1-secret-key-in-xml");
  EXPECT_EQ(fromXml.option("destination_crypt_key"), "m2-old-secret-key\n      m2-secret-key-in-xml")
      << "several keys, one a line, as env.php's crypt/key";

  ScopedEnv sourceSet("M2STAGE_CRYPT_KEY", " m1-from-env\n");
  ScopedEnv destinationSet("M2STAGE_DESTINATION_CRYPT_KEY", "m2-from-env");
  auto fromEnv = withOptions(kCryptKeyOptions);
  EXPECT_EQ(fromEnv.option("crypt_key"), "m1-from-env");
  EXPECT_EQ(fromEnv.option("destination_crypt_key"), "m2-from-env");
  EXPECT_EQ(withOptions("").option("crypt_key"), "m1-from-env") << "no element needed";

  ScopedEnv sourceEmpty("M2STAGE_CRYPT_KEY", "");
  EXPECT_EQ(withOptions(kCryptKeyOptions).option("crypt_key"), "m1-secret-key-in-xml") << "an empty variable is unset";
}

TEST_F(ConfigTest, RedactedTextHasNoCryptKeys) {
  ScopedEnv source("M2STAGE_CRYPT_KEY", "m1-secret-from-env");
  ScopedEnv destination("M2STAGE_DESTINATION_CRYPT_KEY", nullptr);
  auto config = withOptions(kCryptKeyOptions);
  std::string text = config.redactedText();
  EXPECT_EQ(text.find("secret"), std::string::npos) << text;
  EXPECT_NE(text.find("<crypt_key"), std::string::npos) << text;
  EXPECT_NE(text.find("<destination_crypt_key"), std::string::npos) << text;
  EXPECT_NE(text.find("kept-class-map.xml"), std::string::npos) << "the rest is kept";
  EXPECT_EQ(config.option("destination_crypt_key"), "m2-old-secret-key\n      m2-secret-key-in-xml")
      << "only the stored text is blanked, not the live options";
}

// --- bad files ---------------------------------------------------------------------------------

TEST_F(ConfigTest, MissingFileUsesTheOfficialMessage) {
  auto missing = directory_ / "nope.xml";
  EXPECT_EQ(errorOf(missing), "Invalid config filename: " + missing.string());
  EXPECT_EQ(errorOf(directory_), "Invalid config filename: " + directory_.string()) << "a folder is not a file";
}

TEST_F(ConfigTest, MalformedXmlNamesFileLineAndColumn) {
  auto path = write("<?xml version=\"1.0\"?>\n<config>\n  <source>\n    <database host=\"h\" name=\"n\" user=\"u\">\n"
                    "  </source>\n</config>\n");
  std::string error = errorOf(path);
  EXPECT_EQ(error.rfind(path.string() + ":5:", 0), 0u) << error;
  EXPECT_NE(error.find("not valid XML"), std::string::npos) << error;
}

TEST_F(ConfigTest, WrongRootIsRefusedWithFileAndLine) {
  auto path = write("<?xml version=\"1.0\"?>\n\n<map><source/><destination/></map>\n");
  EXPECT_EQ(errorOf(path), path.string() + ":3: the root element must be <config>");
}

TEST_F(ConfigTest, MissingSourceOrDatabaseIsRefused) {
  auto noSource = write("<config>\n  <destination><database host=\"h\" name=\"n\" user=\"u\"/></destination>\n</config>\n");
  EXPECT_EQ(errorOf(noSource), noSource.string() + ":1: <source> is missing");

  auto noDatabase = writeConfig("", R"(<database host="h" name="n" user="u"/>)");
  EXPECT_EQ(errorOf(noDatabase), noDatabase.string() + ":3: <source> needs a <database .../> element");

  auto noDestination = write("<config>\n  <source><database host=\"h\" name=\"n\" user=\"u\"/></source>\n</config>\n");
  EXPECT_EQ(errorOf(noDestination), noDestination.string() + ":1: <destination> is missing");
}

TEST_F(ConfigTest, MissingRequiredAttributeIsRefused) {
  const std::string good = R"(<database host="h" name="n" user="u"/>)";
  struct Case {
    std::string database;
    std::string attribute;
  };
  for (const auto& [database, attribute] : {Case{R"(<database host="h" user="u"/>)", "name"},
                                           Case{R"(<database name="n" user="u"/>)", "host"},
                                           Case{R"(<database host="h" name="n"/>)", "user"}}) {
    auto path = writeConfig(good, database);
    EXPECT_EQ(errorOf(path), path.string() + ":7: <destination><database> needs the attribute " + attribute);
  }
}

TEST_F(ConfigTest, BadPortIsRefused) {
  for (std::string port : {"abc", "0", "70000", "33 06", "-1"}) {
    auto path = writeConfig(R"(<database host="h" name="n" user="u" port=")" + port + R"("/>)",
                            R"(<database host="h" name="n" user="u"/>)");
    EXPECT_EQ(errorOf(path), path.string() + ":4: port \"" + port + "\" is not a TCP port number") << port;
  }
  auto colon = writeConfig(R"(<database host="h:x1" name="n" user="u"/>)", R"(<database host="h" name="n" user="u"/>)");
  EXPECT_EQ(errorOf(colon), colon.string() + ":4: port \"x1\" is not a TCP port number");
}

TEST_F(ConfigTest, NonIntegerBulkSizeIsRefused) {
  for (std::string value : {"lots", "10.5", "1e3", "12abc"}) {
    auto path = writeConfig(R"(<database host="h" name="n" user="u"/>)", R"(<database host="h" name="n" user="u"/>)",
                            "    <map_file>m.xml</map_file>\n    <bulk_size>" + value + "</bulk_size>\n");
    EXPECT_EQ(errorOf(path), path.string() + ":11: bulk_size \"" + value + "\" is not a whole number") << value;
  }
}

TEST_F(ConfigTest, BadStepClassIsRefused) {
  for (std::string cls : {"", "Migration\\Step\\Map-Integrity", "1Step", "Migration Step"}) {
    auto path = writeConfig(R"(<database host="h" name="n" user="u"/>)", R"(<database host="h" name="n" user="u"/>)", "",
                            "  <steps mode=\"data\">\n    <step title=\"Map Step\">\n      <integrity>" + cls +
                                "</integrity>\n    </step>\n  </steps>\n");
    EXPECT_EQ(errorOf(path), path.string() + ":5: \"" + cls + "\" is not a class name") << cls;
  }
}

// --- the official files --------------------------------------------------------------------------

TEST_F(ConfigTest, ParsesTheOfficialIntegrationTestConfig) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto folder = sharedFixtures() / "dmt-tests/_files";
  auto config = Config::load(folder / "config.xml");
  EXPECT_EQ(config.database(Side::Source).host, "localhost");
  EXPECT_EQ(config.database(Side::Source).name, "magento1_integration");
  EXPECT_EQ(config.database(Side::Source).user, "root");
  EXPECT_EQ(config.database(Side::Destination).name, "magento2_integration");
  EXPECT_EQ(config.bulkSize(), 100u);
  EXPECT_EQ(config.option("edition_number"), "1.9.2.1");
  EXPECT_EQ(config.option("tier_price_map_file_fail"), "tests/integration/testsuite/Migration/_files/map-tier-price-fail.xml");
  EXPECT_EQ(config.prefix(Side::Source), "");
  EXPECT_EQ(config.initStatements(Side::Source), std::vector<std::string>{"SET NAMES utf8mb4"});
  EXPECT_EQ(config.fileOption("map_file"),
            std::filesystem::absolute(folder / "tests/integration/testsuite/Migration/_files/map.xml"));
  EXPECT_EQ(config.steps("settings").size(), 2u);
  ASSERT_EQ(config.steps("data").size(), 6u);
  EXPECT_EQ(config.steps("data")[0].title, "Data Integrity Step");
  EXPECT_EQ(config.steps("data")[3].stages.at("volume"), "Migration\\Step\\UrlRewrite\\Version191to2000");
  ASSERT_EQ(config.steps("delta").size(), 3u);
  EXPECT_EQ(config.steps("delta")[1].stages.at("delta"), "Migration\\Step\\Log");
}

TEST_F(ConfigTest, ParsesTheOfficial1945ConfigDist) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto config = Config::load(sharedFixtures() / "dmt-etc/opensource-to-opensource/1.9.4.5/config.xml.dist");
  EXPECT_EQ(config.database(Side::Source).name, "magento1");
  EXPECT_EQ(config.database(Side::Destination).name, "magento2");
  EXPECT_EQ(config.bulkSize(), 50000u) << "bulk_size 0 means automatic";
  EXPECT_EQ(config.option("edition_number"), "1.9.4.5");
  EXPECT_EQ(config.option("direct_document_copy"), "0");
  EXPECT_EQ(config.option("progress_bar_format"), "%percent%% [%bar%] Remaining Time: %remaining%");
  EXPECT_EQ(config.option("map_file"), "etc/opensource-to-opensource/1.9.4.5/map.xml.dist");
  EXPECT_EQ(config.options().count("crypt_key"), 1u);
  EXPECT_EQ(config.initStatements(Side::Destination), std::vector<std::string>{"SET NAMES utf8mb4"});
  EXPECT_EQ(config.steps("settings").size(), 2u);
  std::size_t total = config.steps("settings").size() + config.steps("data").size() + config.steps("delta").size();
  EXPECT_EQ(total, 21u) << "21 <step> elements, all with distinct titles within their mode";
  bool hasMap = false;
  for (const auto& step : config.steps("data")) {
    if (step.title == "Map Step") {
      hasMap = true;
      EXPECT_EQ(step.stages.at("integrity"), "Migration\\Step\\Map\\Integrity");
    }
  }
  EXPECT_TRUE(hasMap);
}

}  // namespace
}  // namespace m2stage::test
