// The EAV step's merge (schema::EavMerge) on small hand-made Magento 1 and Magento 2 EAV tables.
#include <gtest/gtest.h>

#include <map>
#include <set>

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
// attributes name (71), msrp_enabled (80, ignored) and color (92); customer email (9). The product
// groups General (7, 20) and Prices (8) are the ones whose attributes move to Magento 2's groups.
EavTables magento1() {
  EavTables tables;
  tables["eav_entity_type"] = table(kTypes, {{"1", "customer", "Magento\\Customer\\Model\\ResourceModel\\Customer", "1"},
                                             {"4", "catalog_product", "Magento\\Catalog\\Model\\ResourceModel\\Product", "4"}});
  tables["eav_attribute_set"] = table(kSets, {{"1", "1", "Default", "100"}, {"4", "4", "Default", "100"}, {"9", "4", "Shoes", "100"}});
  tables["eav_attribute"] = table(kAttributes, {{"9", "1", "email", {}, {}, {}},
                                                {"71", "4", "name", {}, {}, {}},
                                                {"80", "4", "msrp_enabled", {}, {}, {}},
                                                {"92", "4", "color", {}, {}, {}}});
  tables["eav_attribute_group"] = table(kGroups, {{"7", "4", "General", "101", "product-details"},
                                                  {"8", "4", "Prices", "102", "advanced-pricing"},
                                                  {"20", "9", "General", "101", "product-details"}});
  tables["eav_entity_attribute"] = table(kLinks, {{"30", "4", "4", "7", "71", "1"},
                                                  {"31", "4", "4", "7", "80", "2"},
                                                  {"32", "4", "4", "8", "92", "3"},
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
  tables["eav_entity_attribute"] = table(kLinks, {{"100", "4", "4", "7", "73", "5"}, {"150", "4", "4", "15", "140", "1"}});
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
    // General and Prices are gone: their attributes moved (MovesGeneralAndPricesAttributesIntoMagento2Groups).
    EXPECT_EQ(names, (std::set<std::string>{"Product Details", "Gift Options"})) << "set " << set;
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
  // name (71) is already in set 9: Magento 2's link is not added a second time.
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
  // SetGroupCode gives a Magento 1 group Magento 2's code (Images: image-management): the same group.
  auto m1 = magento1();
  m1["eav_attribute_group"].rows.push_back({"21", "4", "Pictures", "105", "image-management"});
  auto m2 = magento2();
  m2["eav_attribute_group"].rows.push_back({"16", "4", "Images", "20", "image-management"});
  auto result = EavMerge(m1, m2, {}).merge();
  EXPECT_EQ(result.remapped.at("eav_attribute_group").at("16"), "21");
  const auto& groups = result.merged.at("eav_attribute_group");
  EXPECT_EQ(rowsWhere(groups, "attribute_group_code", "image-management").size(), 2u);  // set 4's, and set 9's copy
  EXPECT_EQ(onlyRow(groups, "attribute_group_id", "21")[2], Value{"Pictures"});
}

// Upstream's custom product attribute groups: Magento 1's General, Prices and Recurring Profile are
// not carried; an attribute Magento 2's default set places goes where Magento 2 puts it, a Magento 1
// attribute into the set's Product Details with its sort order + 200.
TEST(EavMergeTest, MovesGeneralAndPricesAttributesIntoMagento2Groups) {
  auto result = EavMerge(magento1(), magento2(), {{"catalog_product", "msrp_enabled"}}).merge();
  const auto& groups = result.merged.at("eav_attribute_group");
  for (const char* id : {"7", "8", "20"}) EXPECT_TRUE(rowsWhere(groups, "attribute_group_id", id).empty()) << id;
  EXPECT_TRUE(rowsWhere(groups, "attribute_group_name", "General").size() == 0);
  EXPECT_EQ(result.groupsDropped, 3);
  std::map<std::string, std::string> details;  // set -> Product Details
  for (const auto& row : rowsWhere(groups, "attribute_group_name", "Product Details")) details[*row[1]] = *row[0];
  ASSERT_EQ(details.size(), 2u);
  EXPECT_GT(std::stoi(details["4"]), 20);  // Magento 2's group, with a new id after Magento 1's largest
  const auto& links = result.merged.at("eav_entity_attribute");
  auto link = [&](const std::string& set, const std::string& attribute) {
    for (const auto& row : rowsWhere(links, "attribute_set_id", set))
      if (row[4] == Value{attribute}) return row;
    throw std::runtime_error("no link of " + attribute + " in set " + set);
  };
  // color (92, Magento 1 only) from Prices of set 4 and from General of set 9: Product Details, sort + 200.
  EXPECT_EQ(link("4", "92")[3], Value{details["4"]});
  EXPECT_EQ(link("4", "92")[5], Value{"203"});
  EXPECT_EQ(link("4", "92")[0], Value{"32"});  // Magento 1's link id is kept
  EXPECT_EQ(link("9", "92")[3], Value{details["9"]});
  EXPECT_EQ(link("9", "92")[5], Value{"202"});
  // name (71): Magento 2's default set has it in Product Details at sort order 5: so do both sets.
  EXPECT_EQ(link("4", "71")[3], Value{details["4"]});
  EXPECT_EQ(link("4", "71")[5], Value{"5"});
  EXPECT_EQ(link("9", "71")[3], Value{details["9"]});
  EXPECT_EQ(link("9", "71")[5], Value{"5"});
  EXPECT_EQ(result.linksMoved, 4);
  // No link is left in a group that is gone.
  std::set<std::string> groupIds;
  for (const auto& row : groups.rows) groupIds.insert(*row[0]);
  for (const auto& row : links.rows) EXPECT_TRUE(groupIds.contains(*row[3])) << "link " << *row[0];
}

TEST(EavMergeTest, NoProductDetailsInMagento2LeavesMagento1GroupsAlone) {
  auto m2 = magento2();
  m2["eav_attribute_group"].rows[0] = {"7", "4", "Main", "10", "main"};
  auto result = EavMerge(magento1(), m2, {}).merge();
  EXPECT_EQ(onlyRow(result.merged.at("eav_attribute_group"), "attribute_group_id", "8")[2], Value{"Prices"});
  EXPECT_EQ(result.groupsDropped, 0);
  EXPECT_EQ(result.linksMoved, 0);
}

const std::vector<std::string> kOptions = {"option_id", "attribute_id", "sort_order"};
const std::vector<std::string> kOptionValues = {"value_id", "option_id", "store_id", "value"};
const std::vector<std::string> kLabels = {"attribute_label_id", "attribute_id", "store_id", "value"};
const std::vector<std::string> kSwatches = {"swatch_id", "option_id", "store_id", "type", "value"};

// Magento 1: color (92) has option 10 (Red/Rot) and a label; msrp_enabled (80, ignored) option 11.
// Magento 2: gift_message_available (140, Magento 2 only) has option 3 with a swatch and a label;
// name (73, Magento 1's 71) has option 4, a swatch and a label.
TEST(EavMergeTest, OptionsAndLabelsOfMagento2OnlyAttributesAreCarried) {
  auto m1 = magento1();
  m1["eav_attribute_option"] = table(kOptions, {{"10", "92", "0"}, {"11", "80", "0"}});
  m1["eav_attribute_option_value"] = table(kOptionValues, {{"100", "10", "0", "Red"}, {"101", "10", "1", "Rot"},
                                                           {"102", "11", "0", "Yes"}});
  m1["eav_attribute_label"] = table(kLabels, {{"5", "92", "1", "Farbe"}});
  auto m2 = magento2();
  m2["eav_attribute_option"] = table(kOptions, {{"3", "140", "1"}, {"4", "73", "0"}});
  m2["eav_attribute_option_value"] = table(kOptionValues, {{"7", "3", "0", "Gift"}, {"8", "4", "0", "Dropped"}});
  m2["eav_attribute_label"] = table(kLabels, {{"1", "73", "1", "Produktname"}, {"2", "140", "1", "Geschenk"}});
  m2["eav_attribute_option_swatch"] = table(kSwatches, {{"1", "4", "0", "1", "#000000"}, {"2", "3", "0", "1", "#ff0000"}});
  auto result = EavMerge(m1, m2, {{"catalog_product", "msrp_enabled"}}).merge();
  const std::string gift = result.remapped.at("eav_attribute").at("140");  // 93
  // Options: Magento 1's kept (the ignored attribute's left out); Magento 2's of gift_message_available
  // with a new id after the largest in use (11) and the attribute's merged id; name's dropped.
  EXPECT_EQ(result.merged.at("eav_attribute_option").rows,
            (std::vector<std::vector<Value>>{{"10", "92", "0"}, {"12", gift, "1"}}));
  EXPECT_EQ(result.merged.at("eav_attribute_option_value").rows,
            (std::vector<std::vector<Value>>{{"100", "10", "0", "Red"}, {"101", "10", "1", "Rot"}, {"103", "12", "0", "Gift"}}));
  EXPECT_EQ(result.merged.at("eav_attribute_label").rows,
            (std::vector<std::vector<Value>>{{"5", "92", "1", "Farbe"}, {"6", gift, "1", "Geschenk"}}));
  // Swatches (Magento 2 only) follow the option ids like the values.
  EXPECT_EQ(result.merged.at("eav_attribute_option_swatch").rows,
            (std::vector<std::vector<Value>>{{"1", "12", "0", "1", "#ff0000"}}));
  EXPECT_EQ(result.magento2RowsDropped, (std::map<std::string, std::int64_t>{{"eav_attribute_label", 1},
                                                                             {"eav_attribute_option", 1},
                                                                             {"eav_attribute_option_swatch", 1},
                                                                             {"eav_attribute_option_value", 1}}));
  EXPECT_EQ(result.remapped.at("eav_attribute_option").at("3"), "12");
}

}  // namespace
