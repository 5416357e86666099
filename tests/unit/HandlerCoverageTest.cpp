// Every handler class the official opensource-to-opensource maps and the official tests' maps use
// is known to m2stage, and builds with the params the maps give it.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "HandlerTestEnvironment.hpp"
#include "schema/Handler.hpp"
#include "schema/MapRules.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

TEST(HandlerCoverageTest, OfficialMapsUseOnlyKnownHandlers) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  std::set<std::string> used;
  std::regex handlerClass(R"(class="\\?([A-Za-z0-9_\\]+)\")");
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(sharedFixtures() / "dmt-etc/opensource-to-opensource")) {
    if (entry.path().extension() != ".dist") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string content = text.str();
    for (std::sregex_iterator it(content.begin(), content.end(), handlerClass), end; it != end; ++it) used.insert((*it)[1]);
  }
  EXPECT_GE(used.size(), 30u);
  EXPECT_TRUE(used.contains("Migration\\Handler\\Encrypt"));
  for (const auto& name : used) EXPECT_TRUE(schema::isKnownHandler(name)) << name;
}

// Every handler of the official maps builds with its params as the maps give them.
TEST(HandlerCoverageTest, OfficialMapHandlersBuild) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  MemoryEnvironment environment;
  auto base = sharedFixtures() / "dmt-etc/opensource-to-opensource";
  int built = 0;
  for (auto file : {base / "1.9.4.5/map.xml.dist", base / "map-eav.xml.dist", base / "map-customer.xml.dist",
                    base / "map-stores.xml.dist", base / "1.9.4.5/map-tier-price.xml.dist", base / "map-log.xml.dist"}) {
    auto rules = schema::MapRules::load(file);
    for (const auto& [target, handlerSpec] : rules.allHandlers()) {
      std::string field = target.substr(target.find('.') + 1);
      EXPECT_NO_THROW(schema::makeHandler(handlerSpec, field, environment)) << handlerSpec.location;
      ++built;
    }
  }
  EXPECT_GT(built, 60);
}

// The official tests' maps (dmt-tests/_files) use one class the shipped maps do not:
// EavAttribute\ConvertConfigurableAttribute in map-eav.xml and ee.map-eav.xml.
TEST(HandlerCoverageTest, OfficialTestMapHandlersBuild) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  MemoryEnvironment environment;
  auto base = sharedFixtures() / "dmt-tests/_files";
  std::set<std::string> classes;
  for (auto file : {base / "map.xml", base / "map-eav.xml", base / "ee.map-eav.xml", base / "2.4-develop/map-eav.xml",
                    base / "2.4-develop/ee.map-eav.xml", base / "map-customer.xml", base / "map-sales.xml",
                    base / "map-stores.xml"}) {
    auto rules = schema::MapRules::load(file);
    for (const auto& [target, handlerSpec] : rules.allHandlers()) {
      std::string field = target.substr(target.find('.') + 1);
      EXPECT_NO_THROW(schema::makeHandler(handlerSpec, field, environment)) << handlerSpec.location;
      classes.insert(handlerSpec.className);
    }
  }
  EXPECT_TRUE(classes.contains("Migration\\Handler\\EavAttribute\\ConvertConfigurableAttribute"));
  EXPECT_GE(classes.size(), 9u);
}

}  // namespace
}  // namespace m2stage::test
