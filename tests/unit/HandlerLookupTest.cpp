// Handlers that read staged Magento 1 tables or add rows to other documents, through a
// MemoryEnvironment.
#include <gtest/gtest.h>

#include <regex>

#include "HandlerTestEnvironment.hpp"
#include "schema/handlers/EavAttributeGroupSetGroupCode.hpp"
#include "schema/handlers/StoreGroupCode.hpp"

namespace m2stage::test {
namespace {

using schema::Value;

class HandlerLookupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env.tables["eav_entity_type"] = {{{"entity_type_id", "3"}, {"entity_type_code", "catalog_category"}},
                                     {{"entity_type_id", "4"}, {"entity_type_code", "catalog_product"}}};
    env.tables["eav_attribute"] = {
        {{"attribute_id", "60"}, {"entity_type_id", "4"}, {"attribute_code", "page_layout"}, {"frontend_input", "select"}, {"is_user_defined", "0"}},
        {{"attribute_id", "61"}, {"entity_type_id", "4"}, {"attribute_code", "colors"}, {"frontend_input", "multiselect"}, {"is_user_defined", "1"}},
        {{"attribute_id", "62"}, {"entity_type_id", "4"}, {"attribute_code", "url_key"}, {"frontend_input", "text"}, {"is_user_defined", "0"}},
        {{"attribute_id", "63"}, {"entity_type_id", "3"}, {"attribute_code", "url_key"}, {"frontend_input", "text"}, {"is_user_defined", "0"}},
        {{"attribute_id", "64"}, {"entity_type_id", "3"}, {"attribute_code", "custom_design"}, {"frontend_input", "select"}, {"is_user_defined", "0"}}};
    env.tables["eav_attribute_set"] = {{{"attribute_set_id", "4"}, {"entity_type_id", "4"}},
                                       {{"attribute_set_id", "9"}, {"entity_type_id", "3"}}};
    env.tables["core_website"] = {{{"website_id", "0"}, {"default_group_id", "0"}, {"is_default", "0"}},
                                  {{"website_id", "1"}, {"default_group_id", "1"}, {"is_default", "1"}}};
    env.tables["core_store_group"] = {{{"group_id", "0"}, {"name", "Default"}, {"default_store_id", "0"}},
                                      {{"group_id", "1"}, {"name", "Main Website Store"}, {"default_store_id", "1"}},
                                      {{"group_id", "2"}, {"name", "Main Website Store"}, {"default_store_id", "3"}},
                                      {{"group_id", "3"}, {"name", "  2nd Shop!"}, {"default_store_id", "4"}}};
    env.tables["core_store"] = {{{"store_id", "1"}, {"website_id", "1"}}, {{"store_id", "5"}, {"website_id", "2"}}};
    env.tables["core_config_data"] = {{{"path", "catalog/seo/product_url_suffix"}, {"value", ".htm"}}};
    env.tables["sales_flat_quote_item"] = {{{"item_id", "10"}, {"store_id", "3"}}};
    env.tables["catalog_product_bundle_option"] = {{{"option_id", "8"}, {"parent_id", "120"}}};
    env.tables["catalog_product_entity_media_gallery"] = {{{"value_id", "5"}, {"entity_id", "42"}}};
  }

  MemoryEnvironment env;
};

TEST_F(HandlerLookupTest, ConvertEavValueOnlyForItsAttribute) {
  auto handlerSpec = spec("Migration\\Handler\\ConvertEavValue", {{"map", "[one_column:1column]"}, {"attributeCode", "page_layout"}});
  auto row = record("catalog_product_entity_varchar", {{"attribute_id", "60"}, {"value", "one_column"}});
  EXPECT_EQ(run(handlerSpec, "value", row, &env), "1column");
  row = record("catalog_product_entity_varchar", {{"attribute_id", "62"}, {"value", "one_column"}});
  EXPECT_EQ(run(handlerSpec, "value", row, &env), "one_column");
}

TEST_F(HandlerLookupTest, SetValueAttributeConditionTreatsNullWordAsNull) {
  auto handlerSpec = spec("Migration\\Handler\\SetValueAttributeCondition", {{"attributeCode", "custom_design"}, {"value", "NULL"}});
  auto row = record("catalog_category_entity_varchar", {{"attribute_id", "64"}, {"value", "default/modern"}});
  EXPECT_EQ(run(handlerSpec, "value", row, &env), std::nullopt);
  row = record("catalog_category_entity_varchar", {{"attribute_id", "63"}, {"value", "shoes"}});
  EXPECT_EQ(run(handlerSpec, "value", row, &env), "shoes");
  auto zero = spec("Migration\\Handler\\SetValueAttributeCondition", {{"attributeCode", "url_key"}, {"value", "0"}});
  EXPECT_EQ(run(zero, "value", row, &env), "0");
}

TEST_F(HandlerLookupTest, TruncateSuffixStripsTheConfiguredSuffix) {
  auto handlerSpec = spec("Migration\\Handler\\TruncateSuffix", {{"suffixPath", "catalog/seo/product_url_suffix"},
                                                                  {"attributeCodes", "[url_key,url_path]"},
                                                                  {"entityTypeCode", "catalog_product"}});
  auto row = record("catalog_product_entity_varchar", {{"attribute_id", "62"}, {"value", "shirt.htm"}});
  EXPECT_EQ(run(handlerSpec, "value", row, &env), "shirt");
  row = record("catalog_product_entity_varchar", {{"attribute_id", "62"}, {"value", "shirt.htm\n"}});
  EXPECT_EQ(run(handlerSpec, "value", row, &env), "shirt\n") << "PCRE $ before a final newline";
  row = record("catalog_product_entity_varchar", {{"attribute_id", "63"}, {"value", "cat.htm"}});
  EXPECT_EQ(run(handlerSpec, "value", row, &env), "cat.htm") << "a category attribute";
  auto category = spec("Migration\\Handler\\TruncateSuffix", {{"suffixPath", "catalog/seo/category_url_suffix"},
                                                               {"attributeCodes", "[url_key]"},
                                                               {"entityTypeCode", "catalog_category"}});
  EXPECT_EQ(run(category, "value", row, &env), "cat.htm");
  row = record("catalog_category_entity_varchar", {{"attribute_id", "63"}, {"value", "cat.html"}});
  EXPECT_EQ(run(category, "value", row, &env), "cat") << "default suffix .html";
}

TEST_F(HandlerLookupTest, CleanMultiselectDropsEmptyItems) {
  auto row = record("catalog_product_entity_varchar", {{"attribute_id", "61"}, {"value", "24,,,41,0,"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\CleanMultiselect"), "value", row, &env), "24,41");
  row = record("catalog_product_entity_varchar", {{"attribute_id", "60"}, {"value", "24,,"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\CleanMultiselect"), "value", row, &env), "24,,");
}

TEST_F(HandlerLookupTest, EavAttributeHandlers) {
  auto row = record("eav_attribute", {{"entity_type_id", "4"}, {"frontend_input", "multiselect"}, {"backend_type", "text"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\EavAttribute\\BackendTypeForMultiselect"), "backend_type", row, &env), "varchar");
  row = record("eav_attribute", {{"entity_type_id", "3"}, {"frontend_input", "multiselect"}, {"backend_type", "text"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\EavAttribute\\BackendTypeForMultiselect"), "backend_type", row, &env), "text");

  auto applyTo = schema::makeHandler(spec("Migration\\Handler\\EavAttribute\\ApplyTo"), "apply_to", env);
  row = record("catalog_eav_attribute", {{"attribute_id", "61"}, {"apply_to", "simple"}});
  applyTo->handle(row, record("catalog_eav_attribute", {{"attribute_id", std::nullopt}, {"apply_to", "x"}}));
  EXPECT_EQ(row.get("apply_to"), std::nullopt) << "user-defined and new in Magento 2";
  row = record("catalog_eav_attribute", {{"attribute_id", "60"}, {"apply_to", "simple"}});
  applyTo->handle(row, record("catalog_eav_attribute", {{"attribute_id", std::nullopt}, {"apply_to", "x"}}));
  EXPECT_EQ(row.get("apply_to"), "x");
}

TEST_F(HandlerLookupTest, SetGroupCode) {
  auto row = record("eav_attribute_group", {{"attribute_set_id", "4"}, {"attribute_group_name", "Migration_General"}, {"attribute_group_code", std::nullopt}});
  EXPECT_EQ(run(spec("Migration\\Handler\\EavAttributeGroup\\SetGroupCode"), "attribute_group_code", row, &env), "product-details");
  row = record("eav_attribute_group", {{"attribute_set_id", "9"}, {"attribute_group_name", "General"}, {"attribute_group_code", std::nullopt}});
  EXPECT_EQ(run(spec("Migration\\Handler\\EavAttributeGroup\\SetGroupCode"), "attribute_group_code", row, &env), "general");
  using schema::handlers::EavAttributeGroupSetGroupCode;
  EXPECT_EQ(EavAttributeGroupSetGroupCode::codeOf("  Gift Options & More ", "catalog_product"), "gift-options-more");
  EXPECT_EQ(EavAttributeGroupSetGroupCode::codeOf("Größe Übersicht", "catalog_product"), "grosse-ubersicht");
  EXPECT_EQ(EavAttributeGroupSetGroupCode::codeOf("!!!", "catalog_product"), "d41d8cd98f00b204e9800998ecf8427e");
}

TEST_F(HandlerLookupTest, StoreGroupCodeDerivesCodesAndFlagsDuplicates) {
  using schema::handlers::StoreGroupCode;
  EXPECT_EQ(StoreGroupCode::codeOf("Main Website Store"), "main_website_store");
  EXPECT_EQ(StoreGroupCode::codeOf("  2nd Shop!"), "nd_shop");
  EXPECT_EQ(StoreGroupCode::codeOf("123"), "");
  auto handler = schema::makeHandler(spec("Migration\\Handler\\StoreGroupCode"), "code", env);
  auto row = record("store_group", {{"group_id", "1"}, {"code", std::nullopt}});
  handler->handle(row, row);
  EXPECT_EQ(row.get("code"), "main_website_store");
  ASSERT_EQ(row.warnings().size(), 1u);
  EXPECT_EQ(row.warnings()[0], "Duplicated code in store_group.code Record id 2");
  row = record("store_group", {{"group_id", "2"}, {"code", std::nullopt}});
  handler->handle(row, row);
  EXPECT_TRUE(std::regex_match(*row.get("code"), std::regex("main_website_store-[0-9a-f]{32}")));
  row = record("store_group", {{"group_id", "99"}, {"code", std::nullopt}});
  handler->handle(row, row);
  EXPECT_EQ(row.get("code"), "store_group");
  EXPECT_EQ(env.reads["core_store_group"], 1) << "read once";
}

TEST_F(HandlerLookupTest, StoreAndWebsiteIds) {
  auto row = record("product_alert_price", {{"website_id", "1"}, {"store_id", std::nullopt}});
  EXPECT_EQ(run(spec("Migration\\Handler\\ProductAlertStoreId"), "store_id", row, &env), "1");
  row = schema::Record("product_alert_price", {"website_id", "store_id"});
  row.set("website_id", "0");
  auto handler = schema::makeHandler(spec("Migration\\Handler\\ProductAlertStoreId"), "store_id", env);
  handler->handle(row, row);
  EXPECT_FALSE(row.isSet(1)) << "no website: the column is left unset";
  row = record("product_alert_price", {{"website_id", "7"}, {"store_id", std::nullopt}});
  EXPECT_EQ(run(spec("Migration\\Handler\\ProductAlertStoreId"), "store_id", row, &env), "0");

  row = record("quote_address_item", {{"quote_item_id", "10"}, {"store_id", std::nullopt}});
  EXPECT_EQ(run(spec("Migration\\Handler\\QuoteMultiAddressStoreId"), "store_id", row, &env), "3");
  row = record("quote_address_item", {{"quote_item_id", "11"}, {"store_id", std::nullopt}});
  EXPECT_EQ(run(spec("Migration\\Handler\\QuoteMultiAddressStoreId"), "store_id", row, &env), "0");

  row = record("store_website", {{"website_id", std::nullopt}});
  EXPECT_EQ(run(spec("Migration\\Handler\\SetDefaultWebsiteId"), "website_id", row, &env), "1");
}

TEST_F(HandlerLookupTest, BundleParentProductAndGalleryEntity) {
  auto bundle = spec("Migration\\Handler\\BundleParentProduct", {{"parentField", "option_id"},
                                                                  {"documentWithProductId", "catalog_product_bundle_option"},
                                                                  {"fieldWithProductId", "parent_id"}});
  auto row = record("catalog_product_bundle_option_value", {{"option_id", "8"}, {"parent_product_id", std::nullopt}});
  EXPECT_EQ(run(bundle, "parent_product_id", row, &env), "120");
  row = record("catalog_product_bundle_option_value", {{"option_id", "9"}, {"parent_product_id", std::nullopt}});
  EXPECT_EQ(run(bundle, "parent_product_id", row, &env), "0");

  row = record("catalog_product_entity_media_gallery_value", {{"value_id", "5"}, {"entity_id", std::nullopt}});
  EXPECT_EQ(run(spec("Migration\\Handler\\Gallery\\SetEntityId"), "entity_id", row, &env), "42");
  row = record("catalog_product_entity_media_gallery_value", {{"value_id", "6"}, {"entity_id", std::nullopt}});
  EXPECT_EQ(run(spec("Migration\\Handler\\Gallery\\SetEntityId"), "entity_id", row, &env), "0");
}

TEST_F(HandlerLookupTest, SideEffectRows) {
  auto row = record("catalog_product_entity_media_gallery", {{"value_id", "5"}, {"entity_id", "42"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\Gallery\\InsertValueToEntity"), "value_id", row, &env), "5");
  ASSERT_EQ(env.added.size(), 1u);
  EXPECT_EQ(env.added[0].document, "catalog_product_entity_media_gallery_value_to_entity");
  EXPECT_EQ(env.added[0].columns, (std::vector<std::string>{"value_id", "entity_id"}));
  EXPECT_EQ(env.added[0].values, (std::vector<Value>{"5", "42"}));
  env.options["edition_migrate"] = "opensource-to-commerce";
  run(spec("Migration\\Handler\\Gallery\\InsertValueToEntity"), "value_id", row, &env);
  EXPECT_EQ(env.added[1].columns[1], "row_id");

  env.added.clear();
  row = record("catalogsearch_query", {{"synonym_for", "tee"}, {"query_text", "t-shirt"}, {"store_id", "5"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\Synonym"), "synonym_for", row, &env), "tee");
  ASSERT_EQ(env.added.size(), 1u);
  EXPECT_EQ(env.added[0].document, "search_synonyms");
  EXPECT_EQ(env.added[0].values, (std::vector<Value>{"tee\"t-shirt\",", "5", "2"}));
  row = record("catalogsearch_query", {{"synonym_for", ""}, {"query_text", "x"}, {"store_id", "1"}});
  run(spec("Migration\\Handler\\Synonym"), "synonym_for", row, &env);
  EXPECT_EQ(env.added.size(), 1u) << "no synonym, no row";
}

}  // namespace
}  // namespace m2stage::test
