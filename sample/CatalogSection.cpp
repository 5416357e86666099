#include "sample/CatalogSection.hpp"

#include <fmt/format.h>

#include "sample/Attributes.hpp"
#include "sample/CustomerSection.hpp"
#include "sample/Random.hpp"

namespace m2stage::sample {

namespace {
using F = Field;
F n(std::int64_t value) { return F::number(value); }

TableSpec valueTable(const char* name) {
  return {name, {"value_id", "entity_type_id", "attribute_id", "store_id", "entity_id", "value"}};
}
const TableSpec kCategoryTable{"catalog_category_entity",
                          {"entity_id", "entity_type_id", "attribute_set_id", "parent_id", "created_at", "updated_at",
                           "path", "position", "level", "children_count"}};
const TableSpec kCategoryVarchar = valueTable("catalog_category_entity_varchar");
const TableSpec kCategoryInt = valueTable("catalog_category_entity_int");
const TableSpec kCategoryProduct{"catalog_category_product", {"category_id", "product_id", "position"}};
const TableSpec kProductTable{"catalog_product_entity",
                         {"entity_id", "entity_type_id", "attribute_set_id", "type_id", "sku", "has_options",
                          "required_options", "created_at", "updated_at"}};
const TableSpec kInt = valueTable("catalog_product_entity_int");
const TableSpec kVarchar = valueTable("catalog_product_entity_varchar");
const TableSpec kDecimal = valueTable("catalog_product_entity_decimal");
const TableSpec kText = valueTable("catalog_product_entity_text");
const TableSpec kDatetime = valueTable("catalog_product_entity_datetime");
const TableSpec kGallery{"catalog_product_entity_media_gallery", {"value_id", "attribute_id", "entity_id", "value"}};
const TableSpec kGalleryValue{"catalog_product_entity_media_gallery_value",
                              {"value_id", "store_id", "label", "position", "disabled"}};
const TableSpec kTierPrice{"catalog_product_entity_tier_price",
                           {"value_id", "entity_id", "all_groups", "customer_group_id", "qty", "value", "website_id"}};
const TableSpec kGroupPrice{"catalog_product_entity_group_price",
                            {"value_id", "entity_id", "all_groups", "customer_group_id", "value", "website_id"}};
const TableSpec kSuperAttribute{"catalog_product_super_attribute",
                                {"product_super_attribute_id", "product_id", "attribute_id", "position"}};
const TableSpec kSuperPricing{"catalog_product_super_attribute_pricing",
                              {"value_id", "product_super_attribute_id", "value_index", "is_percent", "pricing_value",
                               "website_id"}};
const TableSpec kSuperLink{"catalog_product_super_link", {"link_id", "product_id", "parent_id"}};
const TableSpec kRelation{"catalog_product_relation", {"parent_id", "child_id"}};
const TableSpec kStockItem{"cataloginventory_stock_item",
                           {"item_id", "product_id", "stock_id", "qty", "min_qty", "use_config_min_qty", "is_qty_decimal",
                            "backorders", "use_config_backorders", "min_sale_qty", "use_config_min_sale_qty",
                            "max_sale_qty", "use_config_max_sale_qty", "is_in_stock", "low_stock_date",
                            "notify_stock_qty", "use_config_notify_stock_qty", "manage_stock",
                            "use_config_manage_stock", "stock_status_changed_auto"}};
const TableSpec kRewrite{"core_url_rewrite",
                         {"url_rewrite_id", "store_id", "id_path", "request_path", "target_path", "is_system", "options",
                          "description", "category_id", "product_id"}};
}  // namespace

void CatalogSection::write() {
  std::int64_t tops = plan_.topCategories();
  category(1, 0, "1", 0, 0, plan_.categories() - 1, "Root Catalog");
  category(2, 1, "1/2", 1, 1, plan_.categories() - 2, "Default Category");
  for (std::int64_t top = 0; top < tops; ++top) {
    std::int64_t id = Plan::topCategoryId(top);
    std::string path = fmt::format("1/2/{}", id);
    category(id, 2, path, 2, top + 1, 2, fmt::format("Department {}", top + 1));
    rewrites(fmt::format("category/{}", id), fmt::format("department-{}.html", top + 1),
             fmt::format("catalog/category/view/id/{}", id), id, 0);
    for (std::int64_t child = 1; child <= 2; ++child) {
      std::int64_t childId = id + child;
      category(childId, id, fmt::format("{}/{}", path, childId), 3, child, 0,
               fmt::format("{} {} — Aisle {}", child == 1 ? "Men's" : "Women's", top + 1, child));
      rewrites(fmt::format("category/{}", childId), fmt::format("department-{}/aisle-{}.html", top + 1, child),
               fmt::format("catalog/category/view/id/{}", childId), childId, 0);
    }
  }
  for (std::int64_t p = 0; p < plan_.products(); ++p) product(p);
}

void CatalogSection::category(std::int64_t id, std::int64_t parent, const std::string& path, int level,
                              std::int64_t position, std::int64_t children, const std::string& name) {
  using namespace attribute;
  std::int64_t created = kStoreOpened + id * 600;
  // Categories made by the installer have NULL dates in Magento 1.
  F date = id <= 2 ? F::null() : F::datetime(created);
  sink_.add(kCategoryTable, {n(id), n(kCategory), n(3), n(parent), date, date, F::text(path), n(position), n(level), n(children)});
  sink_.add(kCategoryVarchar, {n(++categoryVarcharId_), n(kCategory), n(kCategoryName), n(0), n(id), F::text(name)});
  sink_.add(kCategoryVarchar, {n(++categoryVarcharId_), n(kCategory), n(kCategoryUrlKey), n(0), n(id),
                               level < 2 ? F::null() : F::text(fmt::format("category-{}", id))});
  sink_.add(kCategoryInt, {n(++categoryIntId_), n(kCategory), n(kCategoryIsActive), n(0), n(id), n(id % 11 == 10 ? 0 : 1)});
  sink_.add(kCategoryInt, {n(++categoryIntId_), n(kCategory), n(kIncludeInMenu), n(0), n(id), n(1)});
}

void CatalogSection::product(std::int64_t p) {
  using namespace attribute;
  ProductInfo info = products_.product(p);
  Random random(seed_, 4, static_cast<std::uint64_t>(p));
  std::int64_t id = info.id;
  std::int64_t created = kStoreOpened + p * 86400 * 200 / plan_.products();
  // Each entity type's Default set has the type's id; virtual products have a set of their own.
  int attributeSet = info.type == "virtual" ? static_cast<int>(kVirtualSet) : static_cast<int>(kProduct);
  sink_.add(kProductTable, {n(id), n(kProduct), n(attributeSet), F::text(info.type), F::text(info.sku), n(p % 4 == 0 ? 1 : 0), n(0),
                       F::datetime(created), F::datetime(created + random.between(0, 86400 * 300))});

  auto value = [&](const TableSpec& table, std::int64_t& counter, int attribute, std::int64_t store, F field) {
    sink_.add(table, {n(++counter), n(kProduct), n(attribute), n(store), n(id), std::move(field)});
  };
  value(kInt, intId_, kStatus, 0, n(p % 25 == 24 ? 2 : 1));
  value(kInt, intId_, kVisibility, 0, n(4));
  value(kInt, intId_, kTaxClassId, 0, n(info.type == "virtual" ? 0 : 2));
  if (Products::configurableParent(p) >= 0) value(kInt, intId_, kColor, 0, n(Products::colourOption(p)));
  value(kVarchar, varcharId_, kName, 0, F::text(info.name));
  value(kVarchar, varcharId_, kUrlKey, 0, F::text(info.urlKey));
  value(kVarchar, varcharId_, kUrlPath, 0, F::text(info.urlKey + ".html"));
  value(kVarchar, varcharId_, kImage, 0, F::text(fmt::format("/{}/{}/{}_1.jpg", info.sku[0], info.sku[1], info.sku)));
  if (p % 5 == 0) value(kVarchar, varcharId_, kName, 2, F::text(fmt::format("{} (édition française)", info.name)));
  value(kDecimal, decimalId_, kPrice, 0, F::money(info.priceCents));
  value(kDecimal, decimalId_, kWeight, 0, info.weightGrams ? F{F::Kind::Number, fmt::format("{}.{:03}0", info.weightGrams / 1000, info.weightGrams % 1000)} : F::null());
  if (p % 4 == 0) {
    value(kDecimal, decimalId_, kSpecialPrice, 0, F::money(info.priceCents * 8 / 10));
    // Magento 1 saved an empty "from" date as the zero date.
    value(kDatetime, datetimeId_, kSpecialFromDate, 0, p % 16 == 0 ? F::zeroDate() : F::datetime(created / 86400 * 86400));
  }
  value(kText, textId_, kDescription, 0,
        F::text(fmt::format("<p>The {} is made to last.</p>\n<p>Care: 30°C wash, \"gentle\" cycle; it's 100% cotton.</p>", info.name)));
  value(kText, textId_, kShortDescription, 0, p % 10 == 3 ? F::null() : F::text(fmt::format("Our {} — best seller.", info.name)));

  std::int64_t category = plan_.productCategory(p);
  std::int64_t parent = category - (category - 3) % 3;  // children follow their top category
  sink_.add(kCategoryProduct, {n(category), n(id), n(p % 10)});
  sink_.add(kCategoryProduct, {n(parent), n(id), n(p % 10 + 1)});

  std::int64_t qty = random.between(0, 500);
  sink_.add(kStockItem, {n(id), n(id), n(1), F::quantity(qty), F::quantity(0), n(1), n(0), n(0), n(1), F::quantity(1), n(1),
                         F::quantity(0), n(1), n(qty > 0 ? 1 : 0), qty > 0 ? F::null() : F::datetime(created + 86400),
                         F::null(), n(1), n(info.type == "virtual" ? 0 : 1), n(1), n(0)});

  for (std::int64_t image = 0; image < 2; ++image) {
    std::int64_t valueId = 2 * p + image + 1;
    sink_.add(kGallery, {n(valueId), n(kMediaGallery), n(id), F::text(fmt::format("/{}/{}/{}_{}.jpg", info.sku[0], info.sku[1], info.sku, image + 1))});
    sink_.add(kGalleryValue, {n(valueId), n(0), image == 0 ? F::null() : F::text(info.name + " – back"), n(image + 1), n(0)});
  }
  if (p % 5 == 0) {
    for (std::int64_t tier = 1; tier <= 2; ++tier) {
      sink_.add(kTierPrice, {n(++tierId_), n(id), n(1), n(0), F::quantity(5 * tier), F::money(info.priceCents * (100 - 5 * tier) / 100), n(0)});
    }
    // Group prices: General (group 1) customers pay 90 % on every website; every other such
    // product also has a Wholesale (group 2) price on the wholesale website.
    sink_.add(kGroupPrice, {n(++groupPriceId_), n(id), n(0), n(1), F::money(info.priceCents * 90 / 100), n(0)});
    if (p % 10 == 0)
      sink_.add(kGroupPrice, {n(++groupPriceId_), n(id), n(0), n(2), F::money(info.priceCents * 85 / 100), n(2)});
  }
  if (Products::isConfigurable(p)) configurable(p, info);
  rewrites(fmt::format("product/{}", id), info.urlKey + ".html", fmt::format("catalog/product/view/id/{}", id), 0, id);
  rewrites(fmt::format("product/{}/{}", id, category), fmt::format("category-{}/{}.html", category, info.urlKey),
           fmt::format("catalog/product/view/id/{}/category/{}", id, category), category, id);
}

void CatalogSection::configurable(std::int64_t p, const ProductInfo& info) {
  using namespace attribute;
  std::int64_t superAttribute = ++superAttributeId_;
  sink_.add(kSuperAttribute, {n(superAttribute), n(info.id), n(kColor), n(0)});
  // The first child's colour adds a fixed 5.00 (7.50 on the main website), the second's 10 % of
  // the parent's price (no main-website price of its own: Magento 1 then takes website 0's).
  auto pricing = [&](std::int64_t child, bool percent, F amount, std::int64_t website) {
    sink_.add(kSuperPricing, {n(++pricingId_), n(superAttribute), F::text(std::to_string(Products::colourOption(child))),
                              n(percent ? 1 : 0), std::move(amount), n(website)});
  };
  pricing(p + 1, false, F::money(500), 0);
  pricing(p + 1, false, F::money(750), 1);
  pricing(p + 2, true, F::quantity(10), 0);
  for (std::int64_t child = p + 1; child <= p + 2; ++child) {
    sink_.add(kSuperLink, {n(++superLinkId_), n(child + 1), n(info.id)});
    sink_.add(kRelation, {n(info.id), n(child + 1)});
  }
}

void CatalogSection::rewrites(const std::string& idPath, const std::string& request, const std::string& target,
                              std::int64_t category, std::int64_t product) {
  for (std::int64_t store : kRewriteStores) {
    sink_.add(kRewrite, {n(++rewriteId_), n(store), F::text(idPath), F::text(request), F::text(target), n(1), F::text(""),
                         F::null(), category ? n(category) : F::null(), product ? n(product) : F::null()});
  }
}

}  // namespace m2stage::sample
