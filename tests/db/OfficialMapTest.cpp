// The official 1.9.4.5 map against a stock Magento 1.9.2.4 CE database and the Magento 2.4.8-p1
// schema: the map parses, and the integrity check runs over the real catalogs. The number of
// findings is printed (a figure for the README, not an expectation); the test asserts the
// properties that must hold whatever that number is.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <map>

#include "audit/IntegrityCheck.hpp"
#include "mariadb/Catalog.hpp"
#include "schema/MapRules.hpp"
#include "support/MariaDbServer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

TEST(OfficialMapTest, IntegrityOfStockMagento1AgainstMagento2WithTheOfficialMap) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto& server = MariaDbServer::instance();
  auto started = std::chrono::steady_clock::now();
  server.createDatabase("official_m1", sharedFixtures() / "magento1" / "ce-1.9.2.4.sql");
  server.createDatabase("official_m2", sharedFixtures() / "magento2" / "2.4.8-p1-schema.sql");
  auto map = schema::MapRules::load(sharedFixtures() / "dmt-etc" / "opensource-to-opensource" / "1.9.4.5" / "map.xml.dist");
  auto m1 = mariadb::readCatalog(*server.connect("official_m1"));
  auto m2 = mariadb::readCatalog(*server.connect("official_m2"));
  ASSERT_EQ(m1.size(), 336u);
  ASSERT_EQ(m2.size(), 364u);

  auto findings = audit::checkIntegrity({map, m1, m2, {}, {}}, false);
  std::map<std::string, int> byKind;
  for (const auto& finding : findings) {
    ++byKind[finding.kind + " (" + finding.side + ")"];
    std::cout << "  " << (finding.severity == audit::Severity::Error ? "[ERROR] " : "[WARNING] ") << finding.message << "\n";
  }
  std::cout << "official 1.9.4.5 map, ce-1.9.2.4 -> 2.4.8-p1: " << findings.size() << " findings in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";
  for (const auto& [kind, count] : byKind) std::cout << "  " << kind << ": " << count << "\n";

  // Every line is one of the official templates; the extension table the map does not know
  // (smtppro_email_log) is reported as an unmapped source document.
  for (const auto& finding : findings) {
    EXPECT_TRUE(finding.message.starts_with("Source documents are not mapped: ") ||
                finding.message.starts_with("Destination documents are not mapped: ") ||
                finding.message.starts_with("Source fields are not mapped. Document: ") ||
                finding.message.starts_with("Destination fields are not mapped. Document: ") ||
                finding.message.starts_with("Mismatch of data types. Source document: ") ||
                finding.message.starts_with("Mismatch of data types. Destination document: "))
        << finding.message;
  }
  bool extensionReported = false;
  for (const auto& finding : findings) {
    if (finding.kind == "documents_not_mapped" && finding.side == "source" &&
        finding.fields.find("smtppro_email_log") != std::string::npos)
      extensionReported = true;
  }
  EXPECT_TRUE(extensionReported);
  // Change-log tables never count as unmapped (the map ignores m2_cl_*).
  for (const auto& finding : findings) EXPECT_EQ(finding.fields.find("m2_cl_"), std::string::npos);
}

}  // namespace
}  // namespace m2stage::test
