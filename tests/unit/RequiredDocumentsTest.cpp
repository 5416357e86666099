// Which Magento 2 documents a transform needs besides the map's pairs (official message 2):
// the Settings step's core_config_data, a listed Url Rewrite step's tables, and the documents the
// map's side-effect handlers write into, only where the map transforms their document.
#include <gtest/gtest.h>

#include <fstream>

#include "support/TestPaths.hpp"
#include "transform/RequiredDocuments.hpp"

namespace m2stage::test {
namespace {

using Catalog = std::map<std::string, schema::Table>;

Catalog catalog(const std::vector<std::string>& names) {
  Catalog result;
  for (const auto& name : names) {
    schema::Table table;
    table.name = name;
    schema::Column column;
    column.name = "id";
    column.dataType = column.columnType = "int";
    table.columns.push_back(column);
    result.emplace(name, table);
  }
  return result;
}

class RequiredDocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = makeTempDir("m2stage-required"); }
  void TearDown() override { std::filesystem::remove_all(directory_); }
  schema::MapRules map(const std::string& source, const std::string& destination) {
    auto path = directory_ / "map.xml";
    std::ofstream(path) << "<map><source>" << source << "</source><destination>" << destination << "</destination></map>";
    return schema::MapRules::load(path);
  }
  std::filesystem::path directory_;
};

const char* kSynonym = "<transform><field>catalogsearch_query.synonym_for</field>"
                       "<handler class=\"\\Migration\\Handler\\Synonym\"/></transform>";
const char* kGallery = "<transform><field>gallery.value_id</field>"
                       "<handler class=\"Migration\\Handler\\Gallery\\InsertValueToEntity\"/></transform>";

TEST_F(RequiredDocumentsTest, NamesTheStepsDocumentsMagento2Lacks) {
  auto rules = map(std::string("<document_rules><rename><document>catalogsearch_query</document><to>search_query</to>"
                               "</rename></document_rules><field_rules>") + kSynonym + "</field_rules>",
                   std::string("<field_rules>") + kGallery + "</field_rules>");
  auto source = catalog({"catalogsearch_query", "gallery", "core_config_data"});
  auto destination = catalog({"search_query", "gallery", "url_rewrite"});
  transform::DocumentNeeds needs;
  needs.map = &rules;
  EXPECT_EQ(transform::missingDestinationDocuments(needs, source, destination),
            (std::vector<std::string>{"catalog_product_entity_media_gallery_value_to_entity", "search_synonyms"}))
      << "a source-side handler on a renamed document and a destination-side one";
  needs.settings = needs.urlRewrite = true;
  EXPECT_EQ(transform::missingDestinationDocuments(needs, source, destination),
            (std::vector<std::string>{"catalog_product_entity_media_gallery_value_to_entity",
                                      "catalog_url_rewrite_product_category", "core_config_data", "search_synonyms"}));
  auto complete = catalog({"search_query", "gallery", "url_rewrite", "catalog_url_rewrite_product_category",
                           "core_config_data", "search_synonyms", "catalog_product_entity_media_gallery_value_to_entity"});
  EXPECT_TRUE(transform::missingDestinationDocuments(needs, source, complete).empty());
}

TEST_F(RequiredDocumentsTest, HandlersOnDocumentsTheMapDoesNotTransformNeedNothing) {
  auto rules = map(std::string("<document_rules><ignore><document>catalogsearch_*</document></ignore></document_rules>"
                               "<field_rules>") + kSynonym + "</field_rules>",
                   std::string("<field_rules>") + kGallery + "</field_rules>");
  // catalogsearch_query is ignored; gallery has no Magento 1 counterpart.
  auto source = catalog({"catalogsearch_query"});
  auto destination = catalog({"catalogsearch_query", "gallery"});
  transform::DocumentNeeds needs;
  needs.map = &rules;
  EXPECT_TRUE(transform::missingDestinationDocuments(needs, source, destination).empty());
  needs.map = nullptr;  // no Map step
  EXPECT_TRUE(transform::missingDestinationDocuments(needs, catalog({"gallery"}), catalog({"gallery"})).empty());
}

}  // namespace
}  // namespace m2stage::test
