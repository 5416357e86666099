// schema::MapSuggestion: which rules it proposes for unmapped documents and fields, and why.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "schema/MapSuggestion.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::schema {
namespace {

Table table(const std::string& name, std::vector<std::string> columns) {
  Table t{name, {}, {}};
  for (auto& column : columns) t.columns.push_back(Column{column, "int", "int(11)", true, false, std::nullopt});
  return t;
}

MapSuggestion::Catalog catalog(std::vector<Table> tables) {
  MapSuggestion::Catalog all;
  for (auto& t : tables) all.emplace(t.name, t);
  return all;
}

std::vector<std::string> rulesOf(const MapSuggestion& suggestion) {
  std::vector<std::string> out;
  for (const auto& rule : suggestion.rules())
    out.push_back(std::string(sideName(rule.side)) + (rule.fieldRule ? " field " : " document ") + rule.xml());
  return out;
}

TEST(MapSuggestionTest, EditDistanceCountsSingleCharacterEdits) {
  EXPECT_EQ(editDistance("cc_last4", "cc_last_4"), 1u);
  EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(editDistance("", "abc"), 3u);
  EXPECT_EQ(editDistance("same", "same"), 0u);
}

TEST(MapSuggestionTest, ClosenessKnowsMagento2SpellingAndSmallTypos) {
  EXPECT_TRUE(MapSuggestion::closeness("core_variable", "variable"));
  EXPECT_TRUE(MapSuggestion::closeness("sales_flat_quote_item", "quote_item"));
  EXPECT_TRUE(MapSuggestion::closeness("sales_flat_order", "sales_order"));
  EXPECT_TRUE(MapSuggestion::closeness("base_hidden_tax_amount", "base_discount_tax_compensation_amount"));
  EXPECT_TRUE(MapSuggestion::closeness("cc_last4", "cc_last_4"));
  EXPECT_FALSE(MapSuggestion::closeness("smtppro_email_log", "email_template"));
  EXPECT_FALSE(MapSuggestion::closeness("tag", "tax")) << "short names never match by edit distance";
  EXPECT_FALSE(MapSuggestion::closeness("user_id", "user_type"));
}

TEST(MapSuggestionTest, NothingToSuggestWhenEverythingMaps) {
  auto m1 = catalog({table("cms_page", {"page_id", "title"})});
  auto suggestion = MapSuggestion::compute(MapRules(), m1, m1);
  EXPECT_TRUE(suggestion.empty());
  EXPECT_EQ(suggestion.toXml(), "");
}

TEST(MapSuggestionTest, PairsCloseNamesAndIgnoresTheRest) {
  auto m1 = catalog({table("core_variable", {"variable_id", "code"}), table("smtppro_email_log", {"email_id", "to"}),
                     table("sales_flat_order_payment", {"entity_id", "cc_last4", "legacy_flag"})});
  auto m2 = catalog({table("variable", {"variable_id", "code"}), table("sales_flat_order_payment", {"entity_id", "cc_last_4", "updated_at"}),
                     table("ui_bookmark", {"bookmark_id"})});
  auto suggestion = MapSuggestion::compute(MapRules(), m1, m2);
  EXPECT_EQ(rulesOf(suggestion),
            (std::vector<std::string>{
                "source document <rename><document>core_variable</document><to>variable</to></rename>",
                "source document <ignore><document>smtppro_email_log</document></ignore>",
                "source field <move><field>sales_flat_order_payment.cc_last4</field><to>sales_flat_order_payment.cc_last_4</to></move>",
                "source field <ignore><field>sales_flat_order_payment.legacy_flag</field></ignore>",
                "destination document <ignore><document>ui_bookmark</document></ignore>",
                "destination field <ignore><field>sales_flat_order_payment.updated_at</field></ignore>",
            }));
  std::string xml = suggestion.toXml();
  EXPECT_NE(xml.find("  <source>\n    <document_rules>\n      <!-- names match closely: core_variable is variable in Magento 2 spelling -->\n"
                     "      <rename><document>core_variable</document><to>variable</to></rename>\n"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<!-- sales_flat_order_payment has no column named like it: rows get NULL -->"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<!-- Magento 2 has no table named like smtppro_email_log (2 columns): keep it out, or map it by hand -->"),
            std::string::npos)
      << xml;
}

TEST(MapSuggestionTest, RulesTheMapHasAlreadyAreRespected) {
  auto dir = test::makeTempDir("map_suggestion");
  {
    std::ofstream file(dir / "map.xml");
    file << R"(<map><source><document_rules><ignore><document>smtppro_*</document></ignore></document_rules>
      <field_rules><move><field>payment.cc_last4</field><to>payment.cc_last_four</to></move></field_rules></source>
      <destination><document_rules/><field_rules><ignore><field>payment.updated_at</field></ignore></field_rules></destination></map>)";
  }
  auto map = MapRules::load(dir / "map.xml");
  auto m1 = catalog({table("smtppro_email_log", {"email_id"}), table("payment", {"entity_id", "cc_last4"})});
  auto m2 = catalog({table("payment", {"entity_id", "cc_last4", "updated_at"})});
  auto suggestion = MapSuggestion::compute(map, m1, m2);
  // The move points at a column Magento 2 lacks while it has the same name: carry as is.
  ASSERT_EQ(suggestion.rules().size(), 1u) << suggestion.toXml();
  EXPECT_EQ(suggestion.rules()[0].kind, SuggestedRule::Kind::Carry);
  EXPECT_EQ(suggestion.rules()[0].name, "payment.cc_last4");
  EXPECT_NE(suggestion.toXml().find("<!-- carry payment.cc_last4 as is: remove the rule that sends it to payment.cc_last_four -->"),
            std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace m2stage::schema
