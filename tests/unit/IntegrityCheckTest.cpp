// The Map step's integrity check on catalogs built in code: the official messages, their order,
// their severities, and --auto.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>

#include "audit/IntegrityCheck.hpp"
#include "schema/XmlFile.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using audit::Catalog;
using audit::Finding;
using audit::Severity;
using schema::MapRules;

// "name:type" pairs, e.g. table("t", {"id:int", "label:varchar"}).
schema::Table table(const std::string& name, const std::vector<std::string>& columns) {
  schema::Table result;
  result.name = name;
  for (const auto& column : columns) {
    auto colon = column.find(':');
    schema::Column entry;
    entry.name = column.substr(0, colon);
    entry.dataType = column.substr(colon + 1);
    entry.columnType = entry.dataType;
    result.columns.push_back(entry);
  }
  return result;
}

Catalog catalog(const std::vector<schema::Table>& tables) {
  Catalog result;
  for (const auto& t : tables) result.emplace(t.name, t);
  return result;
}

std::vector<std::string> messages(const std::vector<Finding>& findings) {
  std::vector<std::string> result;
  for (const auto& finding : findings) result.push_back(finding.message);
  return result;
}

class IntegrityCheckTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = makeTempDir("m2stage-integrity"); }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  MapRules map(const std::string& source, const std::string& destination = "") {
    auto path = directory_ / "map.xml";
    std::ofstream(path) << "<map><source>" << source << "</source><destination>" << destination << "</destination></map>";
    return MapRules::load(path);
  }

  std::filesystem::path directory_;
};

const char* kSourceRules =
    "<document_rules>"
    "<rename><document>old_doc</document><to>new_doc</to></rename>"
    "<ignore><document>log_*</document></ignore>"
    "</document_rules>"
    "<field_rules>"
    "<move><field>old_doc.x</field><to>new_doc.y</to></move>"
    "<ignore><field>common.skipped</field></ignore>"
    "<ignore><datatype>common.dt_ignored</datatype></ignore>"
    "</field_rules>";
const char* kDestinationRules =
    "<document_rules><ignore><document>m2_only</document></ignore></document_rules>"
    "<field_rules><ignore><field>common.m2_ignored</field></ignore></field_rules>";

struct Scenario {
  Catalog source = catalog({
      table("s_only2", {"id:int"}),
      table("s_only1", {"id:int"}),
      table("log_visitor", {"id:int"}),
      table("common", {"id:int", "extra1:int", "skipped:int", "typed:int", "extra2:varchar", "dt_ignored:int"}),
      table("old_doc", {"id:int", "x:text"}),
  });
  Catalog destination = catalog({
      table("d_only", {"id:int"}),
      table("m2_only", {"id:int"}),
      table("common", {"id:int", "typed:varchar", "m2_ignored:int", "dt_ignored:varchar", "dest_extra:int"}),
      table("new_doc", {"id:int", "y:text"}),
  });
};

TEST_F(IntegrityCheckTest, ReportsEveryMessageInTheOfficialOrderWithSeverities) {
  auto rules = map(kSourceRules, kDestinationRules);
  Scenario s;
  audit::IntegrityInput input{rules, s.source, s.destination, {"core_missing"}, {"sales_sequence_meta", "sales_sequence_profile"}};
  auto findings = audit::checkIntegrity(input, false);
  EXPECT_EQ(messages(findings), (std::vector<std::string>{
                                    "Source documents are missing: core_missing",
                                    "Destination documents are missing: sales_sequence_meta,sales_sequence_profile",
                                    "Source documents are not mapped: s_only1,s_only2",
                                    "Destination documents are not mapped: d_only",
                                    "Source fields are not mapped. Document: common. Fields: extra1,extra2",
                                    "Destination fields are not mapped. Document: common. Fields: dest_extra",
                                    "Mismatch of data types. Source document: common. Fields: typed",
                                    "Mismatch of data types. Destination document: common. Fields: typed,dt_ignored",
                                }));
  ASSERT_EQ(findings.size(), 8u);
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(findings[i].severity, Severity::Error) << findings[i].message;
  EXPECT_EQ(findings[6].severity, Severity::Warning) << "a type mismatch is always a warning";
  EXPECT_EQ(findings[7].severity, Severity::Warning);
  EXPECT_TRUE(audit::hasErrors(findings));

  EXPECT_EQ(findings[2].kind, "documents_not_mapped");
  EXPECT_EQ(findings[2].side, "source");
  EXPECT_EQ(findings[2].document, "");
  EXPECT_EQ(findings[2].fields, "s_only1,s_only2");
  EXPECT_EQ(findings[5].kind, "fields_not_mapped");
  EXPECT_EQ(findings[5].side, "destination");
  EXPECT_EQ(findings[5].document, "common");
  EXPECT_EQ(findings[5].fields, "dest_extra");
  EXPECT_EQ(findings[6].kind, "data_type_mismatch");
  EXPECT_EQ(findings[0].kind, "documents_missing");
}

TEST_F(IntegrityCheckTest, AutoTurnsErrorsIntoWarningsWithTheSameText) {
  auto rules = map(kSourceRules, kDestinationRules);
  Scenario s;
  audit::IntegrityInput input{rules, s.source, s.destination, {"core_missing"}, {}};
  auto strict = audit::checkIntegrity(input, false);
  auto relaxed = audit::checkIntegrity(input, true);
  EXPECT_EQ(messages(relaxed), messages(strict));
  for (const auto& finding : relaxed) EXPECT_EQ(finding.severity, Severity::Warning) << finding.message;
  EXPECT_FALSE(audit::hasErrors(relaxed));
}

TEST_F(IntegrityCheckTest, TypeMismatchAloneDoesNotFail) {
  MapRules rules;
  auto source = catalog({table("t", {"id:int", "v:decimal"})});
  auto destination = catalog({table("t", {"id:int", "v:varchar"})});
  auto findings = audit::checkIntegrity({rules, source, destination, {}, {}}, false);
  EXPECT_EQ(messages(findings), (std::vector<std::string>{"Mismatch of data types. Source document: t. Fields: v",
                                                          "Mismatch of data types. Destination document: t. Fields: v"}));
  EXPECT_FALSE(audit::hasErrors(findings));
}

TEST_F(IntegrityCheckTest, MatchingCatalogsGiveNoFindings) {
  auto rules = map(kSourceRules, kDestinationRules);
  auto source = catalog({table("old_doc", {"id:int", "x:text"}), table("same", {"a:int", "b:varchar"})});
  auto destination = catalog({table("new_doc", {"id:int", "y:text"}), table("same", {"a:int", "b:varchar"}),
                              table("m2_only", {"z:int"})});
  EXPECT_TRUE(audit::checkIntegrity({rules, source, destination, {}, {}}, false).empty());
}

TEST_F(IntegrityCheckTest, NotMappedFieldsAreListedUnderTheirMappedNames) {
  auto rules = map(kSourceRules);
  auto source = catalog({table("old_doc", {"id:int", "x:text"})});
  auto destination = catalog({table("new_doc", {"id:int", "x:text"})});
  EXPECT_EQ(messages(audit::checkIntegrity({rules, source, destination, {}, {}}, false)),
            std::vector<std::string>{"Source fields are not mapped. Document: old_doc. Fields: y"})
      << "the moved name y is listed, under the source document's own name";
}

TEST_F(IntegrityCheckTest, OneLinePerDocumentAndSourceLinesFirst) {
  MapRules rules;
  auto source = catalog({table("a", {"id:int", "a1:int", "a2:int"}), table("z", {"id:int", "z1:int"})});
  auto destination = catalog({table("a", {"id:int", "b1:int"}), table("z", {"id:int"})});
  EXPECT_EQ(messages(audit::checkIntegrity({rules, source, destination, {}, {}}, false)),
            (std::vector<std::string>{"Source fields are not mapped. Document: a. Fields: a1,a2",
                                      "Source fields are not mapped. Document: z. Fields: z1",
                                      "Destination fields are not mapped. Document: a. Fields: b1"}));
}

TEST_F(IntegrityCheckTest, RenamedDocumentMissingOnTheOtherSideIsNotMapped) {
  auto rules = map(kSourceRules);
  auto source = catalog({table("old_doc", {"id:int"})});
  auto destination = catalog({table("old_doc", {"id:int"})});
  EXPECT_EQ(messages(audit::checkIntegrity({rules, source, destination, {}, {}}, false)),
            (std::vector<std::string>{"Source documents are not mapped: old_doc",
                                      "Destination documents are not mapped: old_doc"}))
      << "old_doc maps to new_doc, which is absent; and M2's old_doc maps back to new_doc";
}

TEST_F(IntegrityCheckTest, AmbiguousMapStopsTheCheck) {
  auto rules = map("<field_rules><move><field>t.a</field><to>t.b</to></move></field_rules>",
                   "<field_rules><ignore><field>t.b</field></ignore></field_rules>");
  auto source = catalog({table("t", {"a:int"})});
  auto destination = catalog({table("t", {"b:int"})});
  try {
    audit::checkIntegrity({rules, source, destination, {}, {}}, false);
    FAIL() << "expected an ambiguity error";
  } catch (const schema::InputError& error) {
    EXPECT_STREQ(error.what(), "Field has ambiguous configuration: t.b");
  }
}

TEST_F(IntegrityCheckTest, ColumnsHandlersNeedButTablesLackComeBeforeNotMappedFields) {
  auto rules = map(
      "<field_rules>"
      "<transform><field>t.a</field><handler class=\"\\Migration\\Handler\\FieldCopy\">"
      "<param name=\"fieldCopy\" value=\"missing_src\"/></handler></transform>"
      "<transform><field>t.zz</field><handler class=\"\\Migration\\Handler\\SetValue\">"
      "<param name=\"value\" value=\"1\"/></handler></transform>"
      "<transform><field>u.x</field><handler class=\"\\Migration\\Handler\\SetHash\">"
      "<param name=\"hash\" value=\"crc32\"/><param name=\"baseField\" value=\"nowhere\"/></handler></transform>"
      "</field_rules>",
      "<field_rules><ignore><field>t.hash_col</field></ignore>"
      "<transform><field>t.hash_col</field><handler class=\"\\Migration\\Handler\\SetHash\">"
      "<param name=\"hash\" value=\"crc32\"/><param name=\"baseField\" value=\"nope\"/></handler></transform>"
      "</field_rules>");
  auto source = catalog({table("t", {"id:int", "a:int", "b:int", "extra:int"}), table("u", {"id:int", "x:int"})});
  auto destination = catalog({table("t", {"id:int", "a:int", "b:int", "hash_col:int"}), table("u", {"id:int", "x:int"})});
  auto findings = audit::checkIntegrity({rules, source, destination, {}, {}}, false);
  EXPECT_EQ(messages(findings), (std::vector<std::string>{
                                    "Source fields are missing. Document: t. Fields: missing_src,zz",
                                    "Destination fields are missing. Document: t. Fields: nope",
                                    "Destination fields are missing. Document: u. Fields: nowhere",
                                    "Source fields are not mapped. Document: t. Fields: extra",
                                }))
      << "FieldCopy's fieldCopy and SetHash's baseField (on the opposite record: the destination one) are read; "
         "a <transform> on an absent field is named too";
  ASSERT_EQ(findings.size(), 4u);
  for (const auto& finding : findings) EXPECT_EQ(finding.severity, Severity::Error) << finding.message;
  EXPECT_EQ(findings[0].kind, "fields_missing");
  EXPECT_EQ(findings[0].side, "source");
  EXPECT_EQ(findings[0].document, "t");
  EXPECT_EQ(findings[0].fields, "missing_src,zz");
  EXPECT_EQ(findings[1].side, "destination");
  for (const auto& finding : audit::checkIntegrity({rules, source, destination, {}, {}}, true))
    EXPECT_EQ(finding.severity, Severity::Warning) << "--auto: " << finding.message;
}

TEST_F(IntegrityCheckTest, ATransformOnAnAbsentFieldAloneIsAWarningAsUpstreamSkipsIt) {
  auto rules = map(
      "<field_rules><transform><field>t.gift_cards</field>"
      "<handler class=\"\\Migration\\Handler\\SerializeToJson\"/></transform></field_rules>");
  auto source = catalog({table("t", {"id:int"})});
  auto destination = catalog({table("t", {"id:int"})});
  auto findings = audit::checkIntegrity({rules, source, destination, {}, {}}, false);
  EXPECT_EQ(messages(findings), std::vector<std::string>{"Source fields are missing. Document: t. Fields: gift_cards"});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::Warning);
  EXPECT_FALSE(audit::hasErrors(findings));
}

TEST_F(IntegrityCheckTest, HandlersOfIgnoredOrUnmappedDocumentsAreNotChecked) {
  auto rules = map(
      "<document_rules><ignore><document>gone</document></ignore></document_rules>"
      "<field_rules><transform><field>gone.a</field><handler class=\"\\Migration\\Handler\\FieldCopy\">"
      "<param name=\"fieldCopy\" value=\"nothing\"/></handler></transform></field_rules>");
  auto source = catalog({table("gone", {"a:int"})});
  auto destination = catalog({table("gone", {"a:int"})});
  auto findings = audit::checkIntegrity({rules, source, destination, {}, {}}, true);
  for (const auto& finding : findings) EXPECT_NE(finding.kind, "fields_missing") << finding.message;
}

TEST_F(IntegrityCheckTest, MissingDocumentsAloneAreMessages1And2WithTheirSeverities) {
  auto strict = audit::documentsMissing({"core_store", "core_website"}, {"core_config_data"}, false);
  EXPECT_EQ(messages(strict), (std::vector<std::string>{"Source documents are missing: core_store,core_website",
                                                        "Destination documents are missing: core_config_data"}));
  ASSERT_EQ(strict.size(), 2u);
  EXPECT_EQ(strict[1].kind, "documents_missing");
  EXPECT_EQ(strict[1].side, "destination");
  EXPECT_EQ(strict[1].document, "");
  EXPECT_EQ(strict[1].fields, "core_config_data");
  EXPECT_TRUE(audit::hasErrors(strict));
  auto tolerant = audit::documentsMissing({}, {"url_rewrite"}, true);
  ASSERT_EQ(tolerant.size(), 1u);
  EXPECT_EQ(tolerant[0].message, "Destination documents are missing: url_rewrite");
  EXPECT_EQ(tolerant[0].severity, Severity::Warning);
  EXPECT_TRUE(audit::documentsMissing({}, {}, false).empty());
}

// Tables and DATA_TYPEs from a mysqldump file: enough of CREATE TABLE for the official fixtures.
Catalog catalogFromDump(const std::filesystem::path& path) {
  Catalog result;
  std::ifstream in(path);
  static const std::regex create(R"(^CREATE TABLE (?:IF NOT EXISTS )?`([^`]+)`)");
  static const std::regex column(R"(^\s+`([^`]+)` ([a-zA-Z]+))");
  schema::Table* current = nullptr;
  for (std::string line; std::getline(in, line);) {
    std::smatch match;
    if (std::regex_search(line, match, create)) {
      current = &result[match[1]];
      current->name = match[1];
    } else if (current && std::regex_search(line, match, column)) {
      schema::Column entry;
      entry.name = match[1];
      entry.dataType = match[2];
      std::transform(entry.dataType.begin(), entry.dataType.end(), entry.dataType.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      current->columns.push_back(entry);
    } else if (line.starts_with(")")) {
      current = nullptr;
    }
  }
  return result;
}

TEST_F(IntegrityCheckTest, ReproducesTheOfficialDefaultFixtureExpectation) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto fixtures = sharedFixtures() / "dmt-tests";
  auto source = catalogFromDump(fixtures / "default/source.sql");
  auto destination = catalogFromDump(fixtures / "default/dest.sql");
  ASSERT_EQ(source.size(), 9u);
  ASSERT_EQ(destination.size(), 9u);
  ASSERT_EQ(source.at("common_table_extra_field").columns.size(), 3u);
  ASSERT_EQ(source.at("core_config_data").columns[1].dataType, "varchar");

  auto rules = MapRules::load(fixtures / "_files/map.xml");
  auto findings = audit::checkIntegrity({rules, source, destination, {}, {}}, false);
  ASSERT_EQ(findings.size(), 1u) << ::testing::PrintToString(messages(findings));
  EXPECT_EQ(findings[0].message,
            "Source fields are not mapped. Document: common_table_extra_field. Fields: source_field_extra");
  EXPECT_EQ(findings[0].severity, Severity::Error);
  EXPECT_TRUE(audit::hasErrors(findings));

  auto empty = MapRules::load(fixtures / "_files/empty-map.xml");
  auto unmapped = messages(audit::checkIntegrity({empty, source, destination, {}, {}}, false));
  ASSERT_FALSE(unmapped.empty());
  EXPECT_EQ(unmapped[0],
            "Source documents are not mapped: source_table_1,source_table_2,source_table_ignored,source_table_renamed,"
            "table_with_data");
  EXPECT_EQ(unmapped[1], "Destination documents are not mapped: dest_table_1,dest_table_2,dest_table_ignored,"
                         "dest_table_renamed,table_without_data");
}

}  // namespace
}  // namespace m2stage::test
