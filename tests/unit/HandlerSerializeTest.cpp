// SerializeToJson and its variants, Rule\SerializedData, ClassMap-based handlers and Placeholder.
#include <gtest/gtest.h>

#include "HandlerTestEnvironment.hpp"
#include "schema/handlers/Placeholder.hpp"

namespace m2stage::test {
namespace {

using schema::Value;

const schema::Table kPayment{"sales_flat_order_payment",
                             {{"entity_id", "int", "int(10) unsigned", false, true}, {"additional_information", "text", "text"}},
                             {"entity_id"}};

TEST(HandlerSerializeTest, SerializeToJsonConvertsAndKeepsNull) {
  auto spec1 = spec("Migration\\Handler\\SerializeToJson");
  auto row = record("sales_flat_order_payment", {{"entity_id", "5"}, {"additional_information", "a:1:{s:3:\"url\";s:5:\"a/b\xc3\xa9\";}"}});
  EXPECT_EQ(run(spec1, "additional_information", row, nullptr, &kPayment), "{\"url\":\"a\\/b\\u00e9\"}");
  EXPECT_TRUE(row.warnings().empty());
  row = record("sales_flat_order_payment", {{"entity_id", "5"}, {"additional_information", std::nullopt}});
  EXPECT_EQ(run(spec1, "additional_information", row, nullptr, &kPayment), std::nullopt);
  row = record("sales_flat_order_payment", {{"entity_id", "5"}, {"additional_information", ""}});
  EXPECT_EQ(run(spec1, "additional_information", row, nullptr, &kPayment), "false") << "unserialize('') is false";
}

TEST(HandlerSerializeTest, SerializeToJsonBrokenDataWarnsAndNulls) {
  auto row = record("sales_flat_order_payment", {{"entity_id", "77"}, {"additional_information", "a:1:{s:9:\"short\";i:1;}"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\SerializeToJson"), "additional_information", row, nullptr, &kPayment), std::nullopt);
  ASSERT_EQ(row.warnings().size(), 1u);
  EXPECT_EQ(row.warnings()[0], "Could not unserialize data of sales_flat_order_payment.additional_information with record id 77");

  row = record("sales_flat_order_payment", {{"entity_id", "77"}, {"additional_information", "broken"}});
  run(spec("Migration\\Handler\\SerializeToJson", {{"suppressWarning", "true"}}), "additional_information", row, nullptr, &kPayment);
  EXPECT_TRUE(row.warnings().empty());

  row = record("sales_flat_order_payment", {{"entity_id", "77"}, {"additional_information", "broken"}});
  EXPECT_THROW(run(spec("Migration\\Handler\\SerializeToJson", {{"migrateBrokenData", "false"}}), "additional_information", row,
                   nullptr, &kPayment),
               schema::TransformError);
}

TEST(HandlerSerializeTest, SerializeToJsonInvalidUtf8BecomesNullWithAWarning) {
  auto row = record("sales_flat_order_payment", {{"entity_id", "3"}, {"additional_information", "s:1:\"\xe9\";"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\SerializeToJson"), "additional_information", row, nullptr, &kPayment), std::nullopt);
  ASSERT_EQ(row.warnings().size(), 1u);
  EXPECT_EQ(row.warnings()[0], "Could not encode data of sales_flat_order_payment.additional_information with record id 3 as JSON");
}

TEST(HandlerSerializeTest, ConvertWithConditionsOnlyOnMatchingCodes) {
  auto handlerSpec = spec("Migration\\Handler\\SerializeToJson\\ConvertWithConditions",
                          {{"conditionalField", "code"}, {"conditionalFieldValuesPattern", "/(info_buyRequest)|(attributes)/"}});
  auto row = record("sales_flat_quote_item_option", {{"code", "info_buyRequest"}, {"value", "a:1:{s:3:\"qty\";i:2;}"}});
  EXPECT_EQ(run(handlerSpec, "value", row), "{\"qty\":2}");
  row = record("sales_flat_quote_item_option", {{"code", "option_5"}, {"value", "a:0:{}"}});
  EXPECT_EQ(run(handlerSpec, "value", row), "a:0:{}");
  row = record("sales_flat_quote_item_option", {{"code", "attributes"}, {"value", "oops"}});
  EXPECT_EQ(run(handlerSpec, "value", row), std::nullopt);
  EXPECT_EQ(row.warnings().size(), 1u);
  row = record("sales_flat_quote_item_option", {{"code", std::nullopt}, {"value", "a:0:{}"}});
  EXPECT_THROW(run(handlerSpec, "value", row), schema::TransformError);
  EXPECT_THROW(schema::makeHandler(spec("Migration\\Handler\\SerializeToJson\\ConvertWithConditions",
                                        {{"conditionalField", "code"}, {"conditionalFieldValuesPattern", "/x/x"}}),
                                   "value"),
               schema::InputError);
}

TEST(HandlerSerializeTest, ItemOptionKeepsWhatDoesNotUnserialize) {
  auto handlerSpec = spec("Migration\\Handler\\SerializeToJson\\ItemOption");
  auto row = record("wishlist_item_option", {{"code", "option_12"}, {"value", "a:1:{i:0;s:1:\"x\";}"}});
  EXPECT_EQ(run(handlerSpec, "value", row), "[\"x\"]");
  row = record("wishlist_item_option", {{"code", "option_12"}, {"value", "plain text"}});
  EXPECT_EQ(run(handlerSpec, "value", row), "plain text");
  EXPECT_TRUE(row.warnings().empty());
  row = record("wishlist_item_option", {{"code", "option_12"}, {"value", "b:0;"}});
  EXPECT_EQ(run(handlerSpec, "value", row), "b:0;");
  row = record("wishlist_item_option", {{"code", "info_buyRequest"}, {"value", "a:0:{}"}});
  EXPECT_EQ(run(handlerSpec, "value", row), "a:0:{}");
}

TEST(HandlerSerializeTest, SalesOrderItemEncodesNestedFileOptionsAndBundleAttributes) {
  std::string fileValue = "a:1:{s:4:\"type\";s:9:\"image/png\";}";
  std::string bundle = "a:1:{s:5:\"price\";d:9.5;}";
  std::string options = "a:2:{s:7:\"options\";a:2:{i:0;a:2:{s:11:\"option_type\";s:4:\"file\";s:12:\"option_value\";s:" +
                        std::to_string(fileValue.size()) + ":\"" + fileValue +
                        "\";}i:1;a:2:{s:11:\"option_type\";s:5:\"field\";s:12:\"option_value\";s:3:\"a:1\";}}"
                        "s:27:\"bundle_selection_attributes\";s:" +
                        std::to_string(bundle.size()) + ":\"" + bundle + "\";}";
  auto row = record("sales_flat_order_item", {{"item_id", "1"}, {"product_options", options}});
  EXPECT_EQ(run(spec("Migration\\Handler\\SerializeToJson\\SalesOrderItem"), "product_options", row),
            "{\"options\":[{\"option_type\":\"file\",\"option_value\":\"{\\\"type\\\":\\\"image\\\\\\/png\\\"}\"},"
            "{\"option_type\":\"field\",\"option_value\":\"a:1\"}],"
            "\"bundle_selection_attributes\":\"{\\\"price\\\":9.5}\"}");
}

TEST(HandlerSerializeTest, RuleSerializedDataMapsClassAliases) {
  MemoryEnvironment environment;
  environment.classes = schema::ClassMap({{"salesrule/rule_condition_combine", "Magento\\SalesRule\\Model\\Rule\\Condition\\Combine"},
                                          {"salesrule/gone", std::nullopt}});
  std::string conditions =
      "a:3:{s:4:\"type\";s:32:\"salesrule/rule_condition_combine\";s:5:\"other\";s:14:\"salesrule/gone\";"
      "s:10:\"conditions\";a:1:{i:0;a:1:{s:4:\"type\";s:32:\"salesrule/rule_condition_combine\";}}}";
  auto row = record("salesrule", {{"conditions_serialized", conditions}});
  EXPECT_EQ(run(spec("Migration\\Handler\\Rule\\SerializedData"), "conditions_serialized", row, &environment),
            "a:3:{s:4:\"type\";s:46:\"Magento\\SalesRule\\Model\\Rule\\Condition\\Combine\";s:5:\"other\";s:14:\"salesrule/gone\";"
            "s:10:\"conditions\";a:1:{i:0;a:1:{s:4:\"type\";s:46:\"Magento\\SalesRule\\Model\\Rule\\Condition\\Combine\";}}}");
  row = record("salesrule", {{"conditions_serialized", "s:3:\"abc\";"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\Rule\\SerializedData"), "conditions_serialized", row, &environment), "s:3:\"abc\";");
  row = record("salesrule", {{"conditions_serialized", "a:1:{"}});
  EXPECT_THROW(run(spec("Migration\\Handler\\Rule\\SerializedData"), "conditions_serialized", row, &environment),
               schema::TransformError);
}

TEST(HandlerSerializeTest, ClassMapAndConvertModel) {
  MemoryEnvironment environment;
  environment.classes = schema::ClassMap({{"catalog/product_attribute_backend_media", "Magento\\Catalog\\Media"},
                                          {"eav/none", std::nullopt}});
  auto row = record("eav_attribute", {{"backend_model", "catalog/product_attribute_backend_media"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\ClassMap"), "backend_model", row, &environment), "Magento\\Catalog\\Media");
  row = record("eav_attribute", {{"backend_model", "eav/none"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\ClassMap"), "backend_model", row, &environment), std::nullopt);
  row = record("eav_attribute", {{"backend_model", "unknown/x"}});
  EXPECT_EQ(run(spec("Migration\\Handler\\ClassMap"), "backend_model", row, &environment), std::nullopt);

  auto convert = schema::makeHandler(spec("Migration\\Handler\\EavAttribute\\ConvertModel"), "backend_model", environment);
  row = record("eav_attribute", {{"backend_model", ""}});
  convert->handle(row, record("eav_attribute", {{"backend_model", "Magento\\Existing"}}));
  EXPECT_EQ(row.get("backend_model"), "Magento\\Existing");
  row = record("eav_attribute", {{"backend_model", "unknown/x"}});
  convert->handle(row, record("eav_attribute", {{"backend_model", "Magento\\Existing"}}));
  EXPECT_EQ(row.get("backend_model"), std::nullopt);
  row = record("eav_attribute", {{"backend_model", "catalog/product_attribute_backend_media"}});
  convert->handle(row, record("eav_attribute", {}));
  EXPECT_EQ(row.get("backend_model"), "Magento\\Catalog\\Media");
}

TEST(HandlerSerializeTest, PlaceholderRewritesWidgets) {
  schema::ClassMap classes({{"catalog/product_widget_new", "Magento\\Catalog\\Block\\Product\\Widget\\NewWidget"},
                            {"cms/widget_block", "Magento\\Cms\\Block\\Widget\\Block"}});
  schema::handlers::Placeholder placeholder("content", classes);
  EXPECT_EQ(placeholder.rewrite("<p>{{widget type=\"catalog/product_widget_new\" template=\"catalog/product/widget/new.phtml\"}}</p>"),
            "<p>{{widget type=\"Magento\\\\Catalog\\\\Block\\\\Product\\\\Widget\\\\NewWidget\" "
            "template=\"product/widget/new.phtml\"}}</p>")
      << "only the first directory goes (ungreedy PCRE)";
  EXPECT_EQ(placeholder.rewrite("a {{widget type=\"reports/product_widget_viewed\" page_size=\"5\"}} b"), "a  b")
      << "widgets still naming an alias are dropped";
  EXPECT_EQ(placeholder.rewrite("{{block type=\"cms/widget_block\" block_id=\"7\"}}"),
            "{{block type=\"Magento\\\\Cms\\\\Block\\\\Widget\\\\Block\" block_id=\"7\"}}");
  EXPECT_EQ(placeholder.rewrite("no directives type=\"cms/widget_block\""), "no directives type=\"cms/widget_block\"");
  EXPECT_EQ(placeholder.rewrite("{{widget type=\"a/b\"\n}}"), "{{widget type=\"a/b\"\n}}") << "directives are one line";
  EXPECT_EQ(placeholder.rewrite("{{media url=\"x\"}}"), "{{media url=\"x\"}}");
}

}  // namespace
}  // namespace m2stage::test
