// The EAV step's merge (schema::EavMerge) on small hand-made Magento 1 and Magento 2 EAV tables.
#include <gtest/gtest.h>

#include "schema/EavMerge.hpp"

namespace {

using m2stage::schema::ClassMap;
using m2stage::schema::EavMerge;
using m2stage::schema::EavTable;
using m2stage::schema::EavTables;
using m2stage::schema::Value;

EavTable table(std::vector<std::string> columns, std::vector<std::vector<Value>> rows) {
  return {std::move(columns), std::move(rows), {}};
}

const std::vector<std::string> kTypes = {"entity_type_id", "entity_type_code", "entity_model", "default_attribute_set_id"};
const std::vector<std::string> kSets = {"attribute_set_id", "entity_type_id", "attribute_set_name", "sort_order"};
const std::vector<std::string> kAttributes = {"attribute_id", "entity_type_id", "attribute_code", "backend_model", "source_model",
                                              "frontend_model"};
const std::vector<std::string> kGroups = {"attribute_group_id", "attribute_set_id", "attribute_group_name", "sort_order",
                                          "attribute_group_code"};
const std::vector<std::string> kLinks = {"entity_attribute_id", "entity_type_id", "attribute_set_id", "attribute_group_id",
                                         "attribute_id", "sort_order"};
const std::vector<std::string> kCatalog = {"attribute_id", "is_global", "is_used_in_grid"};

// Magento 1: customer (1) and catalog_product (4), product sets Default (4) and Shoes (9), the
// attributes name (71), msrp_enabled (80, ignored) and color (92); customer email (9).
EavTables magento1() {
  EavTables tables;
  tables["eav_entity_type"] = table(kTypes, {{"1", "customer", "Magento\\Customer\\Model\\ResourceModel\\Customer", "1"},
                                             {"4", "catalog_product", "Magento\\Catalog\\Model\\ResourceModel\\Product", "4"}});
  tables["eav_attribute_set"] = table(kSets, {{"1", "1", "Default", "100"}, {"4", "4", "Default", "100"}, {"9", "4", "Shoes", "100"}});
  tables["eav_attribute"] = table(kAttributes, {{"9", "1", "email", {}, {}, {}},
                                                {"71", "4", "name", {}, {}, {}},
                                                {"80", "4", "msrp_enabled", {}, {}, {}},
                                                {"92", "4", "color", {}, {}, {}}});
  tables["eav_attribute_group"] = table(kGroups, {{"7", "4", "General", "101", "general"},
                                                  {"20", "9", "General", "101", "general"}});
  tables["eav_entity_attribute"] = table(kLinks, {{"30", "4", "4", "7", "71", "1"},
                                                  {"31", "4", "4", "7", "80", "2"},
                                                  {"40", "4", "9", "20", "71", "1"},
                                                  {"41", "4", "9", "20", "92", "2"}});
  tables["catalog_eav_attribute"] = table(kCatalog, {{"71", "0", "0"}, {"80", "1", "0"}, {"92", "1", "0"}});
  // is_used_in_grid: a Magento 2-only column the map left unset on name (Magento 2's value wins).
  tables["catalog_eav_attribute"].assigned = {{true, true, false}, {true, true, false}, {true, true, false}};
  return tables;
}

// Magento 2: customer (1) and catalog_product (4) with other default set ids, the new
// gift_message_available (140) and name (73, Magento 1 has 71), default product set 4 with the
// groups "Product Details" (7) and "Gift Options" (15).
EavTables magento2() {
  EavTables tables;
  tables["eav_entity_type"] = table(kTypes, {{"1", "customer", "Magento\\Customer\\Model\\ResourceModel\\Customer", "1"},
                                             {"4", "catalog_product", "Magento\\Catalog\\Model\\ResourceModel\\Product", "4"}});
  tables["eav_attribute_set"] = table(kSets, {{"1", "1", "Default", "1"}, {"4", "4", "Default", "1"}});
  tables["eav_attribute"] = table(kAttributes, {{"1", "1", "email", {}, {}, {}},
                                                {"73", "4", "name", {}, {}, {}},
                                                {"140", "4", "gift_message_available", "Magento\\Catalog\\Model\\Product\\Attribute\\Backend\\Boolean",
                                                 "Magento\\Eav\\Model\\Entity\\Attribute\\Source\\Boolean", {}}});
  tables["eav_attribute_group"] = table(kGroups, {{"7", "4", "Product Details", "10", "product-details"},
                                                  {"15", "4", "Gift Options", "60", "gift-options"}});
  tables["eav_entity_attribute"] = table(kLinks, {{"100", "4", "4", "7", "73", "1"}, {"150", "4", "4", "15", "140", "1"}});
  tables["catalog_eav_attribute"] = table(kCatalog, {{"73", "0", "1"}, {"140", "1", "0"}});
  return tables;
}

std::vector<std::vector<Value>> rowsWhere(const EavTable& table, const std::string& column, const std::string& value) {
  std::vector<std::vector<Value>> rows;
  for (std::size_t row = 0; row < table.rows.size(); ++row)
    if (table.at(row, column) == Value{value}) rows.push_back(table.rows[row]);
  return rows;
}

const std::vector<Value>& onlyRow(const EavTable& table, const std::string& column, const std::string& value) {
  for (std::size_t row = 0; row < table.rows.size(); ++row)
    if (table.at(row, column) == Value{value}) return table.rows[row];
  throw std::runtime_error("no row with " + column + "=" + value);
}

TEST(EavMergeTest, MatchesByCodeAndKeepsMagento1Ids) {
  auto result = EavMerge(magento1(), magento2(), {{"catalog_product", "msrp_enabled"}}).merge();
  const auto& attributes = result.merged.at("eav_attribute");
  // name keeps Magento 1's id 71; Magento 2's 73 maps onto it.
  EXPECT_EQ(onlyRow(attributes, "attribute_code", "name")[0], Value{"71"});
  EXPECT_EQ(onlyRow(attributes, "attribute_code", "email")[0], Value{"9"});
  EXPECT_EQ(result.remapped.at("eav_attribute").at("73"), "71");
  EXPECT_EQ(result.remapped.at("eav_attribute").at("1"), "9");
  // Entity types and sets match by code and (type, name): Magento 1 rows and ids.
  EXPECT_EQ(result.merged.at("eav_entity_type").rows.size(), 2u);
  EXPECT_EQ(result.merged.at("eav_attribute_set").rows.size(), 3u);
  EXPECT_EQ(onlyRow(result.merged.at("eav_attribute_set"), "attribute_set_name", "Shoes")[0], Value{"9"});
  // The ignored attribute and its rows are gone.
  EXPECT_TRUE(rowsWhere(attributes, "attribute_code", "msrp_enabled").empty());
  EXPECT_TRUE(rowsWhere(result.merged.at("eav_entity_attribute"), "attribute_id", "80").empty());
  EXPECT_TRUE(rowsWhere(result.merged.at("catalog_eav_attribute"), "attribute_id", "80").empty());
  EXPECT_EQ(result.ignoredRows, 3);
  // A matched attribute's column the map left unset takes Magento 2's value; set ones stay.
  const auto& name = onlyRow(result.merged.at("catalog_eav_attribute"), "attribute_id", "71");
  EXPECT_EQ(name[1], Value{"0"});
  EXPECT_EQ(name[2], Value{"1"});
  EXPECT_EQ(onlyRow(result.merged.at("catalog_eav_attribute"), "attribute_id", "92")[2], Value{"0"});
}

TEST(EavMergeTest, Magento2OnlyAttributeGetsNewIdAndReferencesFollow) {
  auto result = EavMerge(magento1(), magento2(), {{"catalog_product", "msrp_enabled"}}).merge();
  const auto& attributes = result.merged.at("eav_attribute");
  // gift_message_available: new id after Magento 1's largest attribute id (92).
  const auto& gift = onlyRow(attributes, "attribute_code", "gift_message_available");
  EXPECT_EQ(gift[0], Value{"93"});
  EXPECT_EQ(gift[1], Value{"4"});
  EXPECT_EQ(gift[3], Value{"Magento\\Catalog\\Model\\Product\\Attribute\\Backend\\Boolean"});
  EXPECT_EQ(result.remapped.at("eav_attribute").at("140"), "93");
  // Its catalog_eav_attribute row follows it.
  EXPECT_EQ(onlyRow(result.merged.at("catalog_eav_attribute"), "attribute_id", "93")[1], Value{"1"});
  EXPECT_TRUE(rowsWhere(result.merged.at("catalog_eav_attribute"), "attribute_id", "140").empty());
  // Its link in the Default set (matched: Magento 1's set 4) points at the remapped group and attribute.
  auto links = rowsWhere(result.merged.at("eav_entity_attribute"), "attribute_id", "93");
  ASSERT_FALSE(links.empty());
  const auto& groups = result.merged.at("eav_attribute_group");
  const auto& giftGroup = onlyRow(groups, "attribute_group_name", "Gift Options");  // the first: in set 4
  EXPECT_EQ(giftGroup[1], Value{"4"});
  bool inDefault = false;
  for (const auto& link : links) {
    if (link[2] == Value{"4"}) {
      inDefault = true;
      EXPECT_EQ(link[3], giftGroup[0]);
      EXPECT_NE(link[0], Value{"150"});  // a new entity_attribute_id after Magento 1's largest (41)
    }
  }
  EXPECT_TRUE(inDefault);
  // Magento 2's link of name (73) is Magento 1's link 30 already: not added twice.
  EXPECT_EQ(rowsWhere(result.merged.at("eav_entity_attribute"), "attribute_id", "71").size(), 2u);
}

TEST(EavMergeTest, DefaultProductGroupsAddedToEveryMagento1ProductSet) {
  auto result = EavMerge(magento1(), magento2(), {}).merge();
  const auto& groups = result.merged.at("eav_attribute_group");
  for (const char* set : {"4", "9"}) {
    std::set<std::string> names;
    for (const auto& row : rowsWhere(groups, "attribute_set_id", set)) names.insert(row[2].value_or(""));
    EXPECT_EQ(names, (std::set<std::string>{"General", "Product Details", "Gift Options"})) << "set " << set;
  }
  // Group ids are new (after Magento 1's 20), and the links of Magento 2's default set follow into set 9.
  std::string giftIn9;
  for (const auto& row : rowsWhere(groups, "attribute_set_id", "9"))
    if (row[2] == Value{"Gift Options"}) giftIn9 = row[0].value_or("");
  EXPECT_GT(std::stoi(giftIn9), 20);
  bool linked = false;
  for (const auto& link : rowsWhere(result.merged.at("eav_entity_attribute"), "attribute_set_id", "9")) {
    if (link[4] == result.remapped.at("eav_attribute").at("140")) {
      linked = true;
      EXPECT_EQ(link[3], Value{giftIn9});
      EXPECT_EQ(link[1], Value{"4"});
    }
  }
  EXPECT_TRUE(linked);
  // name (71) is already in set 9 (group General): Magento 2's link to Product Details is not added.
  EXPECT_EQ(rowsWhere(result.merged.at("eav_entity_attribute"), "attribute_set_id", "9").size(), 3u);
  EXPECT_EQ(result.groupsAdded, 2);
}

TEST(EavMergeTest, UnmappedClassReportedInOfficialWording) {
  EavTable attributes = table(kAttributes, {{"71", "4", "name", "catalog/product_attribute_backend_boolean", {}, {}},
                                            {"196", "4", "brand", {}, "extension/class_name", {}},
                                            {"80", "4", "msrp_enabled", "unknown/ignored", {}, {}},
                                            {"97", "4", "sku", "", {}, "catalog/none"}});
  EavTable types = table(kTypes, {{"4", "catalog_product", {}, "4"}});
  ClassMap classMap({{"catalog/product_attribute_backend_boolean", "Magento\\Catalog\\Model\\Product\\Attribute\\Backend\\Boolean"},
                     {"catalog/none", std::nullopt}});
  auto issues = EavMerge::unmappedClasses(attributes, types, classMap, {{"catalog_product", "msrp_enabled"}});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].document, "eav_attribute");
  EXPECT_EQ(issues[0].field, "source_model");
  EXPECT_EQ(issues[0].message,
            "Incompatibility in data. Source document: eav_attribute. Field: source_model. Error: Class extension/class_name "
            "is not mapped in record attribute_id=196");
}

TEST(EavMergeTest, GroupsAlsoMatchByCode) {
  // SetGroupCode gives Magento 1's product "General" Magento 2's code product-details: the same group.
  auto m1 = magento1();
  m1["eav_attribute_group"] = table(kGroups, {{"7", "4", "General", "101", "product-details"},
                                              {"20", "9", "General", "101", "product-details"}});
  auto result = EavMerge(m1, magento2(), {}).merge();
  EXPECT_EQ(result.remapped.at("eav_attribute_group").at("7"), "7");
  const auto& groups = result.merged.at("eav_attribute_group");
  EXPECT_EQ(rowsWhere(groups, "attribute_group_code", "product-details").size(), 2u);  // no second one per set
  EXPECT_EQ(onlyRow(groups, "attribute_group_id", "7")[2], Value{"General"});
  EXPECT_EQ(result.groupsAdded, 1);  // Gift Options into set 9
}

}  // namespace
