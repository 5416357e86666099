// config.xml step lists: official step classes to m2stage steps, steps left out, steps not
// covered yet, and unknown classes (named with file:line).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "schema/Config.hpp"
#include "schema/StepList.hpp"
#include "schema/XmlFile.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using schema::StepKind;

class StepListTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = makeTempDir("m2stage-steps"); }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  // A config whose <steps> blocks start on line 3.
  schema::Config config(const std::string& steps) {
    auto path = directory_ / "config.xml";
    std::ofstream(path) << "<?xml version=\"1.0\"?>\n<config>\n" << steps
                        << "<source><database host=\"h\" name=\"m1\" user=\"u\"/></source>\n"
                           "<destination><database host=\"h\" name=\"m2\" user=\"u\"/></destination>\n"
                           "<options/>\n</config>\n";
    return schema::Config::load(path);
  }

  std::filesystem::path directory_;
};

TEST(StepClassTest, MapsOfficialClassesWithOrWithoutBackslash) {
  EXPECT_EQ(schema::stepOfClass("Migration\\Step\\Map\\Data"), StepKind::Map);
  EXPECT_EQ(schema::stepOfClass("\\Migration\\Step\\Map\\Integrity"), StepKind::Map);
  EXPECT_EQ(schema::stepOfClass("Migration\\Step\\Map\\Delta"), StepKind::Map);
  EXPECT_EQ(schema::stepOfClass("Migration\\Step\\Settings\\Data"), StepKind::Settings);
  EXPECT_EQ(schema::stepOfClass("\\Migration\\Step\\Stores\\Volume"), StepKind::Stores);
  EXPECT_EQ(schema::stepOfClass("Migration\\Step\\Customer\\Integrity"), StepKind::Customer);
  EXPECT_EQ(schema::stepOfClass("\\Migration\\Step\\Customer\\Data"), StepKind::Customer);
  EXPECT_EQ(schema::stepOfClass("Migration\\Step\\Eav\\Data"), StepKind::Eav);
  EXPECT_EQ(schema::stepOfClass("\\Migration\\Step\\Eav\\Volume"), StepKind::Eav);
  EXPECT_EQ(schema::stepOfClass("\\Migration\\Step\\UrlRewrite\\Version191to2000"), StepKind::UrlRewrite);
  for (const char* uncovered : {"Log\\Data",
                                "Ratings\\Volume",
                                "DataIntegrity\\Integrity", "Log"}) {
    EXPECT_EQ(schema::stepOfClass(std::string("Migration\\Step\\") + uncovered), StepKind::NotCovered) << uncovered;
  }
  EXPECT_EQ(schema::stepOfClass("Migration\\Step\\SalesIncrement\\Data"), StepKind::SalesIncrement);
  EXPECT_EQ(schema::stepOfClass("Migration\\Step\\OrderGrids\\Delta"), StepKind::OrderGrids);
  EXPECT_EQ(schema::stepOfClass("Migration\\Step\\Inventory\\Data"), StepKind::Inventory);
  EXPECT_EQ(schema::stepOfClass("\\Migration\\Step\\Inventory\\Delta"), StepKind::Inventory);
  EXPECT_EQ(schema::stepOfClass("Migration\\Step\\PostProcessing\\Data"), StepKind::PostProcessing);
  EXPECT_EQ(schema::stepOfClass("Migration\\Step\\TierPrice\\Data"), StepKind::TierPrice);
  EXPECT_EQ(schema::stepOfClass("\\Migration\\Step\\ConfigurablePrices\\Volume"), StepKind::ConfigurablePrices);
  EXPECT_EQ(schema::stepOfClass("Migration\\Step\\Foo\\Data"), std::nullopt);
  EXPECT_EQ(schema::stepOfClass("Vendor\\Step\\Map\\Data"), std::nullopt);
  EXPECT_EQ(schema::stepOfClass("Migration\\Step\\Map\\Data\\Extra"), std::nullopt);
}

TEST_F(StepListTest, WithoutAListEverythingRuns) {
  auto plan = schema::planSteps(config(""), "data");
  EXPECT_FALSE(plan.listed);
  EXPECT_TRUE(plan.map);
  auto settings = schema::planSteps(config(""), "settings");
  EXPECT_TRUE(settings.settings);
  EXPECT_TRUE(settings.stores);
  EXPECT_EQ(settings.settingsDocuments(),
            (std::set<std::string>{"core_config_data", "core_store", "core_store_group", "core_website"}));
}

TEST_F(StepListTest, AStepLeftOutDoesNotRun) {
  auto loaded = config(
      "<steps mode=\"data\"><step title=\"Log Step\"><data>Migration\\Step\\Log\\Data</data></step></steps>\n"
      "<steps mode=\"settings\"><step title=\"Settings Step\"><data>\\Migration\\Step\\Settings\\Data</data></step>"
      "</steps>\n");
  auto data = schema::planSteps(loaded, "data");
  EXPECT_TRUE(data.listed);
  EXPECT_FALSE(data.map);
  EXPECT_FALSE(data.customer);
  EXPECT_FALSE(data.urlRewrite);
  EXPECT_FALSE(data.tierPrice);
  EXPECT_FALSE(data.configurablePrices);
  ASSERT_EQ(data.notCovered.size(), 1u);
  EXPECT_FALSE(data.eav);
  EXPECT_FALSE(data.inventory);
  EXPECT_FALSE(data.postProcessing);
  EXPECT_EQ(data.notCovered[0], "Log Step (Log)");
  EXPECT_NE(data.notCoveredWarning(loaded).find("config.xml: data mode lists official steps m2stage does not cover yet: "
                                                "Log Step (Log)"),
            std::string::npos);
  auto settings = schema::planSteps(loaded, "settings");
  EXPECT_TRUE(settings.settings);
  EXPECT_FALSE(settings.stores);
  EXPECT_EQ(settings.settingsDocuments(), (std::set<std::string>{"core_config_data"}));
  EXPECT_TRUE(settings.notCovered.empty());
  EXPECT_EQ(settings.notCoveredWarning(loaded), "");
}

TEST_F(StepListTest, TheOfficialListsAreKnown) {
  auto official = sharedFixtures();
  if (official.empty()) GTEST_SKIP() << "../shared absent";
  auto loaded = schema::Config::load(official / "dmt-etc" / "opensource-to-opensource" / "1.9.4.5" / "config.xml.dist");
  auto data = schema::planSteps(loaded, "data");
  EXPECT_TRUE(data.map);
  EXPECT_TRUE(data.customer);
  EXPECT_TRUE(data.eav);
  EXPECT_TRUE(data.urlRewrite);
  EXPECT_TRUE(data.salesIncrement);
  EXPECT_TRUE(data.orderGrids);
  EXPECT_TRUE(data.inventory);
  EXPECT_TRUE(data.postProcessing);
  EXPECT_TRUE(data.tierPrice);
  EXPECT_TRUE(data.configurablePrices);
  // all but Map, Eav, Customer, UrlRewrite, SalesIncrement, OrderGrids, TierPrice, ConfigurablePrices, Inventory,
  // PostProcessing: DataIntegrity, Log and Ratings
  EXPECT_EQ(data.notCovered.size(), 3u);
  auto settings = schema::planSteps(loaded, "settings");
  EXPECT_TRUE(settings.settings && settings.stores);
  EXPECT_TRUE(settings.notCovered.empty());
  auto delta = schema::planSteps(loaded, "delta");
  EXPECT_TRUE(delta.map);
  // Customer\Delta, SalesIncrement\Delta and OrderGrids\Delta run; Log (P2) stays named in the warning.
  EXPECT_TRUE(delta.customer);
  EXPECT_TRUE(delta.salesIncrement);
  EXPECT_TRUE(delta.orderGrids);
  EXPECT_TRUE(delta.inventory);  // Inventory\Delta
  EXPECT_FALSE(delta.postProcessing);
  EXPECT_FALSE(delta.urlRewrite);  // the official delta list does not name it
  EXPECT_EQ(std::find(delta.notCovered.begin(), delta.notCovered.end(), "Customer Attributes Step (Customer)"),
            delta.notCovered.end());
  EXPECT_NE(std::find(delta.notCovered.begin(), delta.notCovered.end(), "Log Step (Log)"), delta.notCovered.end());
  // The official tool's own test config (Commerce SalesOrder, a class without a stage name).
  auto tests = schema::Config::load(official / "dmt-tests" / "_files" / "config.xml");
  EXPECT_TRUE(schema::planSteps(tests, "delta").map);
}

TEST_F(StepListTest, ThePriceStepsRunInDataModeOnly) {
  auto loaded = config(
      "<steps mode=\"data\"><step title=\"Tier Price Step\"><data>Migration\\Step\\TierPrice\\Data</data></step>"
      "<step title=\"ConfigurablePrices step\"><volume>Migration\\Step\\ConfigurablePrices\\Volume</volume></step>"
      "</steps>\n"
      "<steps mode=\"delta\"><step title=\"Tier Price Step\"><delta>Migration\\Step\\TierPrice\\Delta</delta></step>"
      "</steps>\n");
  auto data = schema::planSteps(loaded, "data");
  EXPECT_TRUE(data.tierPrice);
  EXPECT_TRUE(data.configurablePrices);
  EXPECT_FALSE(data.map);
  EXPECT_TRUE(data.notCovered.empty());
  // Upstream configures no TierPrice delta: a delta list naming one is not covered.
  auto delta = schema::planSteps(loaded, "delta");
  EXPECT_FALSE(delta.tierPrice);
  EXPECT_EQ(delta.notCovered, (std::vector<std::string>{"Tier Price Step (TierPrice)"}));
  // Without a list both run.
  auto unlisted = schema::planSteps(config(""), "data");
  EXPECT_TRUE(unlisted.tierPrice && unlisted.configurablePrices);
}

TEST_F(StepListTest, TheUrlRewriteStepRunsInDataAndDeltaMode) {
  auto loaded = config(
      "<steps mode=\"data\"><step title=\"Map Step\"><data>Migration\\Step\\Map\\Data</data></step></steps>\n"
      "<steps mode=\"delta\"><step title=\"Url Rewrite Step\">"
      "<delta>Migration\\Step\\UrlRewrite\\Version191to2000</delta></step></steps>\n");
  // Upstream configures no UrlRewrite delta for 1.9; m2stage's delta covers it, without a warning.
  auto delta = schema::planSteps(loaded, "delta");
  EXPECT_TRUE(delta.urlRewrite);
  EXPECT_FALSE(delta.map);
  EXPECT_TRUE(delta.notCovered.empty());
  EXPECT_EQ(delta.notCoveredWarning(loaded), "");
  // Left out of the data list: not run there.
  EXPECT_FALSE(schema::planSteps(loaded, "data").urlRewrite);
  // Without a list it runs in both.
  EXPECT_TRUE(schema::planSteps(config(""), "delta").urlRewrite);
}

TEST_F(StepListTest, AnUnknownClassIsAnErrorNamingItAndTheLine) {
  auto loaded = config(
      "<steps mode=\"data\">\n"
      "  <step title=\"Map Step\"><data>Migration\\Step\\Map\\Data</data></step>\n"
      "  <step title=\"Mine\">\n    <data>Vendor\\Step\\Custom\\Data</data>\n  </step>\n"
      "</steps>\n");
  try {
    schema::planSteps(loaded, "data");
    FAIL() << "no error";
  } catch (const schema::InputError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("config.xml:5: unknown step class Vendor\\Step\\Custom\\Data"), std::string::npos) << message;
    EXPECT_NE(message.find("step \"Mine\""), std::string::npos) << message;
  }
  // Only the mode being run is checked.
  EXPECT_NO_THROW(schema::planSteps(loaded, "settings"));
}

}  // namespace
}  // namespace m2stage::test
