// The sample store generator without a server: row counts per scale, determinism, the ids that
// tie rows together, and the value shapes (SQL literals, decimals, dates, PHP serialized text).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "sample/Field.hpp"
#include "sample/PhpSerialized.hpp"
#include "sample/SqlDumpWriter.hpp"
#include "sample/StoreGenerator.hpp"

namespace m2stage::sample {
namespace {

// Keeps every row in memory, by table (fine for the small scales tests use).
class CollectingSink : public RowSink {
 public:
  struct Rows {
    std::vector<std::string> columns;
    std::vector<std::vector<Field>> rows;
  };
  void add(const TableSpec& table, std::vector<Field> row) override {
    auto& rows = tables[table.name];
    if (rows.columns.empty()) rows.columns = table.columns;
    rows.rows.push_back(std::move(row));
  }
  std::size_t count(const std::string& table) const {
    auto found = tables.find(table);
    return found == tables.end() ? 0 : found->second.rows.size();
  }
  // The values of one column, as text (NULL as "NULL").
  std::vector<std::string> column(const std::string& table, const std::string& name) const {
    const auto& rows = tables.at(table);
    auto index = std::find(rows.columns.begin(), rows.columns.end(), name) - rows.columns.begin();
    EXPECT_LT(static_cast<std::size_t>(index), rows.columns.size()) << table << "." << name;
    std::vector<std::string> values;
    for (const auto& row : rows.rows) values.push_back(row[index].isNull() ? "NULL" : row[index].value);
    return values;
  }
  std::set<std::string> ids(const std::string& table, const std::string& name) const {
    auto values = column(table, name);
    return {values.begin(), values.end()};
  }
  std::map<std::string, Rows> tables;
};

CollectingSink generate(std::int64_t scale, std::uint64_t seed = 1) {
  CollectingSink sink;
  StoreGenerator({scale, seed, false}).generate(sink);
  return sink;
}

std::string sql(std::int64_t scale, std::uint64_t seed) {
  std::ostringstream out;
  StoreGenerator({scale, seed, true}).writeSql(out);
  return out.str();
}

// Every value of `table.column` is an id in `parent.key`; with `optional`, NULL and 0 (Magento's
// "none" in some columns, such as a guest subscriber's customer_id or the root category's parent) too.
void expectReferences(const CollectingSink& sink, const std::string& table, const std::string& column,
                      const std::string& parent, const std::string& key, bool optional = false) {
  auto keys = sink.ids(parent, key);
  for (const auto& value : sink.column(table, column)) {
    if (optional && (value == "NULL" || value == "0")) continue;
    ASSERT_TRUE(keys.contains(value)) << table << "." << column << " = " << value << " is not a " << parent << "." << key;
  }
}

// Parses PHP serialize() text; false when a length or a delimiter is off.
bool parsePhp(const std::string& text, std::size_t& at) {
  if (at + 2 > text.size()) return false;
  char type = text[at];
  if (type == 'i') {
    auto end = text.find(';', at);
    if (end == std::string::npos) return false;
    at = end + 1;
    return true;
  }
  auto colon = text.find(':', at + 2);
  if (colon == std::string::npos) return false;
  std::size_t length = std::stoul(text.substr(at + 2, colon - at - 2));
  if (type == 's') {
    if (text.compare(colon + 1, 1, "\"") != 0 || text.compare(colon + 2 + length, 2, "\";") != 0) return false;
    at = colon + 4 + length;
    return true;
  }
  if (type != 'a' || text.compare(colon + 1, 1, "{") != 0) return false;
  at = colon + 2;
  for (std::size_t i = 0; i < 2 * length; ++i) {
    if (!parsePhp(text, at)) return false;
  }
  return text.compare(at++, 1, "}") == 0;
}

TEST(SampleStore, RowCountsFollowTheScale) {
  for (std::int64_t s : {1, 2}) {
    auto sink = generate(s);
    std::size_t customers = 100 * s, addresses = 150 * s, categories = 2 + 12 * s, products = 100 * s, orders = 300 * s;
    std::map<std::string, std::size_t> expected = {
        {"core_website", 3}, {"core_store_group", 3}, {"core_store", 4}, {"core_config_data", 18},
        {"eav_entity_type", 8}, {"eav_attribute", 54}, {"eav_attribute_set", 9}, {"eav_attribute_group", 15},
        {"eav_entity_attribute", 68}, {"catalog_eav_attribute", 20}, {"customer_eav_attribute", 34},
        {"cms_page", 4}, {"cms_page_store", 5},
        {"cataloginventory_stock", 1}, {"rating", 3}, {"rating_option", 15},
        {"customer_entity", customers}, {"customer_entity_varchar", 4 * customers}, {"customer_entity_int", 3 * customers},
        {"customer_entity_datetime", customers}, {"customer_address_entity", addresses},
        {"customer_address_entity_varchar", 6 * addresses}, {"customer_address_entity_text", addresses},
        {"catalog_category_entity", categories}, {"catalog_category_entity_varchar", 2 * categories},
        {"catalog_category_entity_int", 2 * categories}, {"catalog_category_product", 2 * products},
        {"catalog_product_entity", products}, {"catalog_product_entity_int", 3 * products + products / 5},
        {"catalog_product_entity_varchar", 4 * products + products / 5},
        {"catalog_product_entity_decimal", 2 * products + products / 4}, {"catalog_product_entity_text", 2 * products},
        {"catalog_product_entity_datetime", products / 4}, {"cataloginventory_stock_item", products},
        {"catalog_product_entity_media_gallery", 2 * products}, {"catalog_product_entity_media_gallery_value", 2 * products},
        {"catalog_product_entity_tier_price", 2 * products / 5},
        {"catalog_product_entity_group_price", products / 5 + products / 10},
        {"catalog_product_super_attribute", products / 10}, {"catalog_product_super_attribute_pricing", 3 * products / 10},
        {"catalog_product_super_link", products / 5}, {"catalog_product_relation", products / 5}, {"core_url_rewrite", 2 * (12 * s + 2 * products)},
        {"sales_flat_order", orders}, {"sales_flat_order_item", 2 * orders}, {"sales_flat_order_address", 2 * orders},
        {"sales_flat_order_payment", orders}, {"sales_flat_order_status_history", 27 * orders / 10},
        {"sales_flat_order_grid", orders}, {"sales_flat_invoice", 8 * orders / 10}, {"sales_flat_invoice_grid", 8 * orders / 10},
        {"sales_flat_invoice_item", 48 * orders / 30}, {"sales_flat_shipment", 7 * orders / 10},
        {"sales_flat_shipment_grid", 7 * orders / 10}, {"sales_flat_shipment_item", 42 * orders / 30},
        {"sales_flat_creditmemo", orders / 10}, {"sales_flat_creditmemo_grid", orders / 10},
        {"sales_flat_creditmemo_item", 6 * orders / 30}, {"sales_flat_quote", orders + 50 * s},
        {"sales_flat_quote_item", 2 * orders + 50 * s}, {"review", 50 * s}, {"review_detail", 50 * s},
        {"rating_option_vote", 150 * s}, {"newsletter_subscriber", customers / 4 + 10 * s},
    };
    // eav_entity_store: one row per document type and store with documents (checked below).
    expected["eav_entity_store"] = sink.count("eav_entity_store");
    EXPECT_GE(sink.count("eav_entity_store"), 9u) << "orders, invoices and shipments in three stores";
    EXPECT_EQ(sink.tables.size(), expected.size()) << "scale " << s;
    for (const auto& [table, count] : expected) EXPECT_EQ(sink.count(table), count) << table << " at scale " << s;
  }
}

TEST(SampleStore, SameSeedSameBytesOtherSeedOtherStore) {
  std::string first = sql(1, 42);
  EXPECT_EQ(first, sql(1, 42));
  std::string other = sql(1, 43);
  EXPECT_NE(first, other);
  EXPECT_EQ(first.size() > 1000000, true) << first.size();
  // Only values change with the seed, not the shape.
  EXPECT_EQ(generate(1, 42).tables.size(), generate(1, 43).tables.size());
}

TEST(SampleStore, RowsReferToRowsThatExist) {
  auto sink = generate(2);
  expectReferences(sink, "core_store", "group_id", "core_store_group", "group_id");
  expectReferences(sink, "core_store", "website_id", "core_website", "website_id");
  expectReferences(sink, "customer_entity", "store_id", "core_store", "store_id");
  for (const char* table : {"customer_entity_varchar", "customer_entity_int", "customer_entity_datetime"}) {
    expectReferences(sink, table, "entity_id", "customer_entity", "entity_id");
    expectReferences(sink, table, "attribute_id", "eav_attribute", "attribute_id");
  }
  expectReferences(sink, "customer_address_entity", "parent_id", "customer_entity", "entity_id");
  expectReferences(sink, "customer_address_entity_varchar", "entity_id", "customer_address_entity", "entity_id");
  expectReferences(sink, "catalog_category_entity", "parent_id", "catalog_category_entity", "entity_id", true);
  for (const char* table : {"catalog_product_entity_int", "catalog_product_entity_varchar", "catalog_product_entity_decimal",
                            "catalog_product_entity_text", "catalog_product_entity_datetime"}) {
    expectReferences(sink, table, "entity_id", "catalog_product_entity", "entity_id");
    expectReferences(sink, table, "attribute_id", "eav_attribute", "attribute_id");
    expectReferences(sink, table, "store_id", "core_store", "store_id");
  }
  expectReferences(sink, "catalog_category_product", "category_id", "catalog_category_entity", "entity_id");
  expectReferences(sink, "catalog_category_product", "product_id", "catalog_product_entity", "entity_id");
  expectReferences(sink, "cataloginventory_stock_item", "product_id", "catalog_product_entity", "entity_id");
  expectReferences(sink, "catalog_product_entity_media_gallery", "entity_id", "catalog_product_entity", "entity_id");
  expectReferences(sink, "catalog_product_entity_media_gallery_value", "value_id", "catalog_product_entity_media_gallery", "value_id");
  expectReferences(sink, "catalog_product_entity_tier_price", "entity_id", "catalog_product_entity", "entity_id");
  expectReferences(sink, "catalog_product_entity_group_price", "entity_id", "catalog_product_entity", "entity_id");
  expectReferences(sink, "catalog_product_entity_group_price", "website_id", "core_website", "website_id");
  expectReferences(sink, "catalog_product_super_attribute", "product_id", "catalog_product_entity", "entity_id");
  expectReferences(sink, "catalog_product_super_attribute", "attribute_id", "eav_attribute", "attribute_id");
  expectReferences(sink, "catalog_product_super_attribute_pricing", "product_super_attribute_id",
                   "catalog_product_super_attribute", "product_super_attribute_id");
  for (const char* column : {"product_id", "parent_id"})
    expectReferences(sink, "catalog_product_super_link", column, "catalog_product_entity", "entity_id");
  for (const char* column : {"parent_id", "child_id"})
    expectReferences(sink, "catalog_product_relation", column, "catalog_product_entity", "entity_id");
  expectReferences(sink, "core_url_rewrite", "product_id", "catalog_product_entity", "entity_id", true);
  expectReferences(sink, "core_url_rewrite", "category_id", "catalog_category_entity", "entity_id", true);

  expectReferences(sink, "sales_flat_quote_item", "quote_id", "sales_flat_quote", "entity_id");
  expectReferences(sink, "sales_flat_order", "customer_id", "customer_entity", "entity_id", true);
  expectReferences(sink, "sales_flat_order", "quote_id", "sales_flat_quote", "entity_id");
  expectReferences(sink, "sales_flat_order", "billing_address_id", "sales_flat_order_address", "entity_id");
  expectReferences(sink, "sales_flat_order", "store_id", "core_store", "store_id");
  expectReferences(sink, "sales_flat_order_item", "order_id", "sales_flat_order", "entity_id");
  expectReferences(sink, "sales_flat_order_item", "product_id", "catalog_product_entity", "entity_id");
  expectReferences(sink, "sales_flat_order_item", "quote_item_id", "sales_flat_quote_item", "item_id");
  expectReferences(sink, "sales_flat_order_address", "parent_id", "sales_flat_order", "entity_id");
  expectReferences(sink, "sales_flat_order_address", "customer_address_id", "customer_address_entity", "entity_id", true);
  expectReferences(sink, "sales_flat_order_payment", "parent_id", "sales_flat_order", "entity_id");
  expectReferences(sink, "sales_flat_order_status_history", "parent_id", "sales_flat_order", "entity_id");
  expectReferences(sink, "sales_flat_order_grid", "entity_id", "sales_flat_order", "entity_id");
  for (const char* document : {"invoice", "shipment", "creditmemo"}) {
    std::string table = std::string("sales_flat_") + document;
    expectReferences(sink, table, "order_id", "sales_flat_order", "entity_id");
    expectReferences(sink, table + "_item", "parent_id", table, "entity_id");
    expectReferences(sink, table + "_item", "order_item_id", "sales_flat_order_item", "item_id");
    expectReferences(sink, table + "_grid", "entity_id", table, "entity_id");
  }
  expectReferences(sink, "sales_flat_creditmemo", "invoice_id", "sales_flat_invoice", "entity_id");
  expectReferences(sink, "review_detail", "review_id", "review", "review_id");
  expectReferences(sink, "review", "entity_pk_value", "catalog_product_entity", "entity_id");
  expectReferences(sink, "rating_option_vote", "option_id", "rating_option", "option_id");
  expectReferences(sink, "rating_option_vote", "review_id", "review", "review_id");
  expectReferences(sink, "newsletter_subscriber", "customer_id", "customer_entity", "entity_id", true);

  // Primary keys are unique.
  for (const auto& [table, key] : std::map<std::string, std::string>{
           {"sales_flat_order_item", "item_id"}, {"sales_flat_quote_item", "item_id"}, {"customer_address_entity", "entity_id"},
           {"sales_flat_invoice", "entity_id"}, {"catalog_product_entity_varchar", "value_id"}}) {
    EXPECT_EQ(sink.ids(table, key).size(), sink.count(table)) << table;
  }
  // An order's customer and its address belong together.
  auto customers = sink.column("sales_flat_order_address", "customer_id");
  auto addresses = sink.column("sales_flat_order_address", "customer_address_id");
  auto owners = sink.column("customer_address_entity", "parent_id");
  for (std::size_t i = 0; i < customers.size(); ++i) {
    if (addresses[i] == "NULL") continue;
    EXPECT_EQ(owners[std::stoul(addresses[i]) - 1], customers[i]) << "order address row " << i;
  }
}

TEST(SampleStore, ValuesHaveMagentoShapes) {
  auto sink = generate(1);
  std::size_t serialized = 0;
  for (const auto& options : sink.column("sales_flat_order_item", "product_options")) {
    std::size_t at = 0;
    ASSERT_TRUE(parsePhp(options, at) && at == options.size()) << options;
    ++serialized;
  }
  EXPECT_EQ(serialized, 600u);
  auto allOptions = sink.column("sales_flat_order_item", "product_options");
  EXPECT_TRUE(std::any_of(allOptions.begin(), allOptions.end(), [](const std::string& s) { return s.find("s:5:\"Grün\"") != std::string::npos; }));
  auto dobs = sink.column("customer_entity_datetime", "value");
  EXPECT_NE(std::find(dobs.begin(), dobs.end(), "0000-00-00 00:00:00"), dobs.end()) << "zero dates";
  auto middlenames = sink.column("sales_flat_order", "customer_middlename");
  EXPECT_NE(std::find(middlenames.begin(), middlenames.end(), "NULL"), middlenames.end());
  auto firstnames = sink.column("customer_entity_varchar", "value");
  EXPECT_TRUE(std::any_of(firstnames.begin(), firstnames.end(), [](const std::string& s) { return s.find("Ã") != std::string::npos; }))
      << "double-encoded latin1-looking text";
  auto hidden = sink.column("sales_flat_order", "hidden_tax_amount");
  EXPECT_TRUE(std::any_of(hidden.begin(), hidden.end(), [](const std::string& s) { return s != "0.0000"; }));
  EXPECT_EQ(sink.column("sales_flat_order", "increment_id").front(), "100000001");
  EXPECT_EQ(sink.column("core_store", "store_id").front(), "0");
}

// eav_entity_store holds, per document type and store, the store id as prefix and the last
// increment id of that store's documents, as Magento 1 keeps it; every store numbers from 1.
TEST(SampleStore, LastIncrementIdsMatchTheDocumentsPerStore) {
  for (std::int64_t scale : {1, 2}) {
    auto sink = generate(scale);
    const std::map<std::string, std::string> types = {
        {"5", "sales_flat_order"}, {"6", "sales_flat_invoice"}, {"7", "sales_flat_creditmemo"}, {"8", "sales_flat_shipment"}};
    std::map<std::pair<std::string, std::string>, std::pair<std::string, std::size_t>> last;  // (table, store) -> max, count
    for (const auto& [type, table] : types) {
      auto stores = sink.column(table, "store_id");
      auto increments = sink.column(table, "increment_id");
      for (std::size_t i = 0; i < stores.size(); ++i) {
        auto& entry = last[{table, stores[i]}];
        entry.first = std::max(entry.first, increments[i]);
        ++entry.second;
        EXPECT_EQ(increments[i].substr(0, stores[i].size()), stores[i]) << table << " row " << i;
      }
    }
    auto typeIds = sink.column("eav_entity_store", "entity_type_id");
    auto storeIds = sink.column("eav_entity_store", "store_id");
    auto prefixes = sink.column("eav_entity_store", "increment_prefix");
    auto lastIds = sink.column("eav_entity_store", "increment_last_id");
    ASSERT_EQ(typeIds.size(), last.size()) << "one row per type and store with documents, scale " << scale;
    for (std::size_t i = 0; i < typeIds.size(); ++i) {
      auto found = last.find({types.at(typeIds[i]), storeIds[i]});
      ASSERT_NE(found, last.end()) << typeIds[i] << "/" << storeIds[i];
      EXPECT_EQ(prefixes[i], storeIds[i]);
      EXPECT_EQ(lastIds[i], found->second.first);
      EXPECT_EQ(std::stoul(lastIds[i].substr(prefixes[i].size())), found->second.second) << "numbered from 1, no gaps";
    }
  }
}

// Every product has its URL rewrite, and its product-in-category rewrite, in both store views of
// the main website; attribute sets, groups and set links refer to each other.
TEST(SampleStore, CatalogHasRewritesAndAttributeSets) {
  auto sink = generate(1);
  std::set<std::string> seen;
  auto products = sink.column("core_url_rewrite", "product_id");
  auto categories = sink.column("core_url_rewrite", "category_id");
  auto stores = sink.column("core_url_rewrite", "store_id");
  auto targets = sink.column("core_url_rewrite", "target_path");
  for (std::size_t i = 0; i < products.size(); ++i) {
    if (products[i] == "NULL") continue;
    std::string kind = categories[i] == "NULL" ? "product" : "in-category";
    if (kind == "product") {
      EXPECT_EQ(targets[i], "catalog/product/view/id/" + products[i]);
    }
    EXPECT_TRUE(seen.insert(kind + "/" + products[i] + "/" + stores[i]).second) << "one per store";
  }
  EXPECT_EQ(seen.size(), 100u * 2 * 2);
  expectReferences(sink, "eav_attribute_group", "attribute_set_id", "eav_attribute_set", "attribute_set_id");
  expectReferences(sink, "eav_entity_attribute", "attribute_set_id", "eav_attribute_set", "attribute_set_id");
  expectReferences(sink, "eav_entity_attribute", "attribute_group_id", "eav_attribute_group", "attribute_group_id");
  expectReferences(sink, "eav_entity_attribute", "attribute_id", "eav_attribute", "attribute_id");
  expectReferences(sink, "catalog_eav_attribute", "attribute_id", "eav_attribute", "attribute_id");
  expectReferences(sink, "customer_eav_attribute", "attribute_id", "eav_attribute", "attribute_id");
  expectReferences(sink, "catalog_product_entity", "attribute_set_id", "eav_attribute_set", "attribute_set_id");
  expectReferences(sink, "cms_page_store", "page_id", "cms_page", "page_id");
  expectReferences(sink, "cms_page_store", "store_id", "core_store", "store_id");
  expectReferences(sink, "customer_address_entity_text", "entity_id", "customer_address_entity", "entity_id");
}

TEST(SampleStore, ConfigurableChildrenHaveAPricedColour) {
  auto sink = generate(1);
  // Each configurable product has the color super attribute and two children of its own.
  auto superProducts = sink.column("catalog_product_super_attribute", "product_id");
  auto superIds = sink.column("catalog_product_super_attribute", "product_super_attribute_id");
  auto types = sink.column("catalog_product_entity", "type_id");
  EXPECT_EQ(std::count(types.begin(), types.end(), "configurable"), 10);
  for (const auto& attribute : sink.column("catalog_product_super_attribute", "attribute_id")) EXPECT_EQ(attribute, "92");
  std::map<std::string, std::string> superOfParent;
  for (std::size_t i = 0; i < superProducts.size(); ++i) {
    EXPECT_EQ(types.at(std::stoul(superProducts[i]) - 1), "configurable");
    superOfParent[superProducts[i]] = superIds[i];
  }
  // (super attribute, option) pairs Magento 1 prices on website 0.
  std::set<std::pair<std::string, std::string>> priced;
  auto pricedSuper = sink.column("catalog_product_super_attribute_pricing", "product_super_attribute_id");
  auto pricedOption = sink.column("catalog_product_super_attribute_pricing", "value_index");
  auto pricedWebsite = sink.column("catalog_product_super_attribute_pricing", "website_id");
  for (std::size_t i = 0; i < pricedSuper.size(); ++i)
    if (pricedWebsite[i] == "0") priced.emplace(pricedSuper[i], pricedOption[i]);
  // Each child's store-0 color value is an option its parent prices.
  std::map<std::string, std::string> colourOfChild;
  auto intEntities = sink.column("catalog_product_entity_int", "entity_id");
  auto intAttributes = sink.column("catalog_product_entity_int", "attribute_id");
  auto intValues = sink.column("catalog_product_entity_int", "value");
  for (std::size_t i = 0; i < intEntities.size(); ++i)
    if (intAttributes[i] == "92") colourOfChild[intEntities[i]] = intValues[i];
  auto children = sink.column("catalog_product_super_link", "product_id");
  auto parents = sink.column("catalog_product_super_link", "parent_id");
  ASSERT_EQ(children.size(), 20u);
  EXPECT_EQ(colourOfChild.size(), 20u);
  for (std::size_t i = 0; i < children.size(); ++i) {
    ASSERT_TRUE(colourOfChild.count(children[i])) << "child " << children[i];
    EXPECT_EQ(types.at(std::stoul(children[i]) - 1), "simple");
    EXPECT_TRUE(priced.count({superOfParent.at(parents[i]), colourOfChild[children[i]]})) << "child " << children[i];
  }
}

TEST(SampleStore, FieldsRenderAsMariaDbLiterals) {
  EXPECT_EQ(Field::text("O'Brien \\ \"x\"\n\r\x1a").literal(), "'O\\'Brien \\\\ \"x\"\\n\\r\\Z'");
  EXPECT_EQ(Field::text(std::string("a\0b", 3)).literal(), "'a\\0b'");
  EXPECT_EQ(Field::null().literal(), "NULL");
  EXPECT_EQ(Field::money(123456).literal(), "1234.5600");
  EXPECT_EQ(Field::money(-5).literal(), "-0.0500");
  EXPECT_EQ(Field::quantity(3).literal(), "3.0000");
  EXPECT_EQ(Field::binary(std::string("\x0a\x00\x27\xff", 4)).literal(), "0x0A0027FF");
  EXPECT_EQ(Field::datetime(0).literal(), "'1970-01-01 00:00:00'");
  EXPECT_EQ(formatDateTime(1325376000 + 86400 * 59 + 3661), "2012-02-29 01:01:01");
  EXPECT_EQ(formatDateTime(-86400), "1969-12-31 00:00:00");
  EXPECT_EQ(PhpSerialized::string("Grün"), "s:5:\"Grün\";");
}

TEST(SampleStore, LongTablesAreCutIntoBoundedMultiRowInserts) {
  std::ostringstream out;
  SqlDumpWriter writer(out, 4096);
  TableSpec table{"t`x", {"id", "name"}};
  for (int i = 0; i < 1000; ++i) writer.add(table, {Field::number(i), Field::text("row")});
  writer.finish();
  std::string text = out.str();
  std::size_t statements = 0;
  for (std::size_t at = text.find("INSERT INTO `t``x` (`id`,`name`) VALUES"); at != std::string::npos;
       at = text.find("INSERT INTO", at + 1))
    ++statements;
  EXPECT_GT(statements, 3u);
  EXPECT_LT(statements, 20u);
  EXPECT_EQ(writer.rows(), 1000);
  EXPECT_THROW(writer.add(table, {Field::number(1)}), std::logic_error);
}

}  // namespace
}  // namespace m2stage::sample
