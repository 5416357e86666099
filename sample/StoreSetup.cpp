#include "sample/StoreSetup.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>

#include "sample/Attributes.hpp"
#include "sample/CustomerSection.hpp"
#include "sample/PhpSerialized.hpp"

namespace m2stage::sample {

namespace {
using F = Field;
F n(std::int64_t value) { return F::number(value); }
F t(const char* value) { return value ? F::text(value) : F::null(); }
}  // namespace

void StoreSetup::write() {
  stores();
  config();
  eav();
  ratings();
  cms();
}

void StoreSetup::stores() {
  static const TableSpec websites{"core_website", {"website_id", "code", "name", "sort_order", "default_group_id", "is_default"}};
  sink_.add(websites, {n(0), t("admin"), t("Admin"), n(0), n(0), n(0)});
  sink_.add(websites, {n(1), t("base"), t("Main Website"), n(0), n(1), n(1)});
  sink_.add(websites, {n(2), t("wholesale"), t("Wholesale"), n(10), n(2), n(0)});

  static const TableSpec groups{"core_store_group", {"group_id", "website_id", "name", "root_category_id", "default_store_id"}};
  sink_.add(groups, {n(0), n(0), t("Default"), n(0), n(0)});
  sink_.add(groups, {n(1), n(1), t("Main Website Store"), n(2), n(1)});
  sink_.add(groups, {n(2), n(2), t("Wholesale Store"), n(2), n(3)});

  static const TableSpec stores{"core_store", {"store_id", "code", "website_id", "group_id", "name", "sort_order", "is_active"}};
  sink_.add(stores, {n(0), t("admin"), n(0), n(0), t("Admin"), n(0), n(1)});
  sink_.add(stores, {n(1), t("default"), n(1), n(1), t("Default Store View"), n(0), n(1)});
  sink_.add(stores, {n(2), t("french"), n(1), n(1), t("Français"), n(1), n(1)});
  sink_.add(stores, {n(3), t("wholesale_en"), n(2), n(2), t("Wholesale English"), n(0), n(0)});

  static const TableSpec stock{"cataloginventory_stock", {"stock_id", "stock_name"}};
  sink_.add(stock, {n(1), t("Default")});
}

void StoreSetup::config() {
  static const TableSpec table{"core_config_data", {"config_id", "scope", "scope_id", "path", "value"}};
  static const std::tuple<const char*, int, const char*, const char*> rows[] = {
      {"default", 0, "web/unsecure/base_url", "http://shop.example.com/"},
      {"default", 0, "web/secure/base_url", "https://shop.example.com/"},
      {"default", 0, "web/unsecure/base_link_url", "{{unsecure_base_url}}"},
      {"default", 0, "web/seo/use_rewrites", "1"},
      {"default", 0, "general/locale/code", "en_US"},
      {"stores", 2, "general/locale/code", "fr_FR"},
      {"default", 0, "general/locale/timezone", "America/Chicago"},
      {"default", 0, "currency/options/base", "USD"},
      {"default", 0, "currency/options/allow", "USD,EUR"},
      {"default", 0, "general/store_information/name", "Sample Store — “Ünïcode” & <b>bold</b>"},
      {"websites", 2, "general/store_information/name", "Wholesale O'Neil \\ Co"},
      {"default", 0, "catalog/seo/product_url_suffix", ".html"},
      {"default", 0, "design/package/name", "rwd"},
      {"default", 0, "design/head/default_description", nullptr},
      {"default", 0, "payment/checkmo/active", "1"},
      {"default", 0, "carriers/flatrate/price", "5.00"},
      {"default", 0, "tax/calculation/discount_tax", "1"},
      {"default", 0, "dev/log/active", "0"},
  };
  int id = 1;
  for (const auto& [scope, scopeId, path, value] : rows) sink_.add(table, {n(id++), t(scope), n(scopeId), t(path), t(value)});
}

void StoreSetup::eav() {
  using namespace attribute;
  static const TableSpec types{"eav_entity_type",
                               {"entity_type_id", "entity_type_code", "entity_model", "attribute_model", "entity_table",
                                "value_table_prefix", "entity_id_field", "is_data_sharing", "data_sharing_key",
                                "default_attribute_set_id", "increment_model", "increment_per_store",
                                "increment_pad_length", "increment_pad_char", "additional_attribute_table",
                                "entity_attribute_collection"}};
  // Magento 1 numbers orders, invoices, credit memos and shipments per store (increment_per_store).
  static const std::tuple<int, const char*, const char*, const char*, const char*, int, const char*, const char*> typeRows[] = {
      {kCustomer, "customer", "customer/customer", "customer/entity", "eav/entity_increment_numeric", kCustomer,
       "customer/eav_attribute", "customer/attribute_collection"},
      {kCustomerAddress, "customer_address", "customer/address", "customer/address_entity", nullptr, kCustomerAddress,
       "customer/eav_attribute", "customer/address_attribute_collection"},
      {kCategory, "catalog_category", "catalog/category", "catalog/category", nullptr, kCategory, "catalog/eav_attribute",
       "catalog/category_attribute_collection"},
      {kProduct, "catalog_product", "catalog/product", "catalog/product", nullptr, kProduct, "catalog/eav_attribute",
       "catalog/product_attribute_collection"},
      {kOrder, "order", "sales/order", "sales/order", "eav/entity_increment_numeric", 0, nullptr, nullptr},
      {kInvoice, "invoice", "sales/order_invoice", "sales/invoice", "eav/entity_increment_numeric", 0, nullptr, nullptr},
      {kCreditmemo, "creditmemo", "sales/order_creditmemo", "sales/creditmemo", "eav/entity_increment_numeric", 0, nullptr, nullptr},
      {kShipment, "shipment", "sales/order_shipment", "sales/shipment", "eav/entity_increment_numeric", 0, nullptr, nullptr},
  };
  for (const auto& [id, code, model, table, increment, set, additional, collection] : typeRows) {
    sink_.add(types, {n(id), t(code), t(model), t(id == kCategory || id == kProduct ? "catalog/resource_eav_attribute" : nullptr),
                      t(table), t(nullptr), t(nullptr), n(1), t("default"), n(set), increment ? t(increment) : F::text(""),
                      n(id >= kOrder ? 1 : 0), n(8), t("0"), t(additional), t(collection)});
  }

  static const TableSpec attributes{"eav_attribute",
                                    {"attribute_id", "entity_type_id", "attribute_code", "backend_model", "backend_type",
                                     "frontend_input", "frontend_label", "source_model", "is_required",
                                     "is_user_defined", "default_value", "is_unique"}};
  static const std::tuple<int, int, const char*, const char*, const char*, const char*, const char*, const char*, int> rows[] = {
      {kCreatedIn, kCustomer, "created_in", nullptr, "varchar", "text", "Created From", nullptr, 0},
      {kPrefix, kCustomer, "prefix", nullptr, "varchar", "text", "Prefix", nullptr, 0},
      {kFirstname, kCustomer, "firstname", nullptr, "varchar", "text", "First Name", nullptr, 1},
      {kMiddlename, kCustomer, "middlename", nullptr, "varchar", "text", "Middle Name/Initial", nullptr, 0},
      {kLastname, kCustomer, "lastname", nullptr, "varchar", "text", "Last Name", nullptr, 1},
      {kSuffix, kCustomer, "suffix", nullptr, "varchar", "text", "Suffix", nullptr, 0},
      {kDob, kCustomer, "dob", "eav/entity_attribute_backend_datetime", "datetime", "date", "Date Of Birth", nullptr, 0},
      {kPasswordHash, kCustomer, "password_hash", "customer/customer_attribute_backend_password", "varchar", "hidden", nullptr, nullptr, 0},
      {kDefaultBilling, kCustomer, "default_billing", "customer/customer_attribute_backend_billing", "int", "text", "Default Billing Address", nullptr, 0},
      {kDefaultShipping, kCustomer, "default_shipping", "customer/customer_attribute_backend_shipping", "int", "text", "Default Shipping Address", nullptr, 0},
      {kTaxvat, kCustomer, "taxvat", nullptr, "varchar", "text", "Tax/VAT Number", nullptr, 0},
      {kConfirmation, kCustomer, "confirmation", nullptr, "varchar", "text", "Is Confirmed", nullptr, 0},
      {kGender, kCustomer, "gender", nullptr, "int", "select", "Gender", "eav/entity_attribute_source_table", 0},
      {kRpToken, kCustomer, "rp_token", nullptr, "varchar", "hidden", nullptr, nullptr, 0},
      {kRpTokenCreatedAt, kCustomer, "rp_token_created_at", nullptr, "datetime", "date", nullptr, nullptr, 0},
      {kAddressPrefix, kCustomerAddress, "prefix", nullptr, "varchar", "text", "Prefix", nullptr, 0},
      {kAddressFirstname, kCustomerAddress, "firstname", nullptr, "varchar", "text", "First Name", nullptr, 1},
      {kAddressMiddlename, kCustomerAddress, "middlename", nullptr, "varchar", "text", "Middle Name/Initial", nullptr, 0},
      {kAddressLastname, kCustomerAddress, "lastname", nullptr, "varchar", "text", "Last Name", nullptr, 1},
      {kAddressSuffix, kCustomerAddress, "suffix", nullptr, "varchar", "text", "Suffix", nullptr, 0},
      {kCompany, kCustomerAddress, "company", nullptr, "varchar", "text", "Company", nullptr, 0},
      {kStreet, kCustomerAddress, "street", "customer/entity_address_attribute_backend_street", "text", "multiline", "Street Address", nullptr, 1},
      {kCity, kCustomerAddress, "city", nullptr, "varchar", "text", "City", nullptr, 1},
      {kCountryId, kCustomerAddress, "country_id", nullptr, "varchar", "select", "Country", "customer/entity_address_attribute_source_country", 1},
      {kRegion, kCustomerAddress, "region", "customer/entity_address_attribute_backend_region", "varchar", "text", "State/Province", nullptr, 0},
      {kRegionId, kCustomerAddress, "region_id", nullptr, "int", "hidden", "State/Province", "customer/entity_address_attribute_source_region", 0},
      {kPostcode, kCustomerAddress, "postcode", nullptr, "varchar", "text", "Zip/Postal Code", nullptr, 0},
      {kTelephone, kCustomerAddress, "telephone", nullptr, "varchar", "text", "Telephone", nullptr, 1},
      {kFax, kCustomerAddress, "fax", nullptr, "varchar", "text", "Fax", nullptr, 0},
      {kVatId, kCustomerAddress, "vat_id", nullptr, "varchar", "text", "VAT number", nullptr, 0},
      {kVatIsValid, kCustomerAddress, "vat_is_valid", nullptr, "int", "text", "VAT number validity", nullptr, 0},
      {kVatRequestId, kCustomerAddress, "vat_request_id", nullptr, "varchar", "text", "VAT number validation request ID", nullptr, 0},
      {kVatRequestDate, kCustomerAddress, "vat_request_date", nullptr, "varchar", "text", "VAT number validation request date", nullptr, 0},
      {kVatRequestSuccess, kCustomerAddress, "vat_request_success", nullptr, "int", "text", "VAT number validation request success", nullptr, 0},
      {kCategoryName, kCategory, "name", nullptr, "varchar", "text", "Name", nullptr, 1},
      {kCategoryIsActive, kCategory, "is_active", nullptr, "int", "select", "Is Active", "eav/entity_attribute_source_boolean", 1},
      {kCategoryUrlKey, kCategory, "url_key", "catalog/category_attribute_backend_urlkey", "varchar", "text", "URL Key", nullptr, 0},
      {kIncludeInMenu, kCategory, "include_in_menu", nullptr, "int", "select", "Include in Navigation Menu", "eav/entity_attribute_source_boolean", 1},
      {kName, kProduct, "name", nullptr, "varchar", "text", "Name", nullptr, 1},
      {kDescription, kProduct, "description", nullptr, "text", "textarea", "Description", nullptr, 1},
      {kShortDescription, kProduct, "short_description", nullptr, "text", "textarea", "Short Description", nullptr, 1},
      {kSku, kProduct, "sku", "catalog/product_attribute_backend_sku", "static", "text", "SKU", nullptr, 1},
      {kPrice, kProduct, "price", "catalog/product_attribute_backend_price", "decimal", "price", "Price", nullptr, 1},
      {kSpecialPrice, kProduct, "special_price", "catalog/product_attribute_backend_price", "decimal", "price", "Special Price", nullptr, 0},
      {kSpecialFromDate, kProduct, "special_from_date", "catalog/product_attribute_backend_startdate_specialprice", "datetime", "date", "Special Price From Date", nullptr, 0},
      {kWeight, kProduct, "weight", nullptr, "decimal", "weight", "Weight", nullptr, 1},
      {kImage, kProduct, "image", nullptr, "varchar", "media_image", "Base Image", nullptr, 0},
      {kMediaGallery, kProduct, "media_gallery", "catalog/product_attribute_backend_media", "varchar", "gallery", "Media Gallery", nullptr, 0},
      {kColor, kProduct, "color", nullptr, "int", "select", "Color", "eav/entity_attribute_source_table", 0},
      {kStatus, kProduct, "status", nullptr, "int", "select", "Status", "catalog/product_status", 1},
      {kUrlKey, kProduct, "url_key", "catalog/product_attribute_backend_urlkey", "varchar", "text", "URL Key", nullptr, 0},
      {kUrlPath, kProduct, "url_path", nullptr, "varchar", "text", nullptr, nullptr, 0},
      {kVisibility, kProduct, "visibility", nullptr, "int", "select", "Visibility", "catalog/product_visibility", 1},
      {kTaxClassId, kProduct, "tax_class_id", nullptr, "int", "select", "Tax Class", "tax/class_source_product", 1},
  };
  for (const auto& [id, type, code, backend, backendType, input, label, source, required] : rows) {
    sink_.add(attributes, {n(id), n(type), t(code), t(backend), t(backendType), t(input), t(label), t(source), n(required),
                           n(0), id == kStatus ? t("1") : F::null(), n(id == kSku ? 1 : 0)});
  }
  attributeSets();
  attributeProperties();
}

void StoreSetup::attributeSets() {
  using namespace attribute;
  static const TableSpec sets{"eav_attribute_set", {"attribute_set_id", "entity_type_id", "attribute_set_name", "sort_order"}};
  for (int type = kCustomer; type <= kShipment; ++type) sink_.add(sets, {n(type), n(type), t("Default"), n(1)});
  sink_.add(sets, {n(kVirtualSet), n(kProduct), t("Virtual Goods"), n(2)});

  static const TableSpec groups{"eav_attribute_group",
                                {"attribute_group_id", "attribute_set_id", "attribute_group_name", "sort_order", "default_id"}};
  static const std::tuple<int, int, const char*, int, int> groupRows[] = {
      {1, kCustomer, "General", 1, 1}, {2, kCustomerAddress, "General", 1, 1},
      {3, kCategory, "General", 10, 1}, {4, kCategory, "General Information", 2, 0},
      {kDefaultGeneral, kProduct, "General", 1, 1}, {kDefaultPrices, kProduct, "Prices", 2, 0},
      {kDefaultMeta, kProduct, "Meta Information", 3, 0}, {kDefaultImages, kProduct, "Images", 4, 0},
      {13, kOrder, "General", 1, 1}, {14, kInvoice, "General", 1, 1}, {15, kCreditmemo, "General", 1, 1},
      {16, kShipment, "General", 1, 1},
      {kVirtualGeneral, kVirtualSet, "General", 1, 1}, {kVirtualPrices, kVirtualSet, "Prices", 2, 0},
      {kVirtualImages, kVirtualSet, "Images", 3, 0},
  };
  for (const auto& [id, set, name, sortOrder, isDefault] : groupRows)
    sink_.add(groups, {n(id), n(set), t(name), n(sortOrder), n(isDefault)});

  // Every attribute in its type's Default set; product attributes also in Virtual Goods (but weight).
  static const TableSpec links{"eav_entity_attribute",
                               {"entity_attribute_id", "entity_type_id", "attribute_set_id", "attribute_group_id",
                                "attribute_id", "sort_order"}};
  std::int64_t linkId = 0;
  auto link = [&](int type, int set, int group, std::initializer_list<int> ids) {
    int sortOrder = 0;
    for (int id : ids) sink_.add(links, {n(++linkId), n(type), n(set), n(group), n(id), n(sortOrder += 10)});
  };
  link(kCustomer, kCustomer, 1,
       {kCreatedIn, kPrefix, kFirstname, kMiddlename, kLastname, kSuffix, kDob, kPasswordHash, kDefaultBilling,
        kDefaultShipping, kTaxvat, kConfirmation, kGender, kRpToken, kRpTokenCreatedAt});
  link(kCustomerAddress, kCustomerAddress, 2,
       {kAddressPrefix, kAddressFirstname, kAddressMiddlename, kAddressLastname, kAddressSuffix, kCompany, kStreet, kCity,
        kCountryId, kRegion, kRegionId, kPostcode, kTelephone, kFax, kVatId, kVatIsValid, kVatRequestId, kVatRequestDate,
        kVatRequestSuccess});
  link(kCategory, kCategory, 4, {kCategoryName, kCategoryIsActive, kCategoryUrlKey, kIncludeInMenu});
  link(kProduct, kProduct, kDefaultGeneral,
       {kName, kDescription, kShortDescription, kSku, kWeight, kStatus, kUrlPath, kVisibility, kColor, kTaxClassId});
  link(kProduct, kProduct, kDefaultPrices, {kPrice, kSpecialPrice, kSpecialFromDate});
  link(kProduct, kProduct, kDefaultMeta, {kUrlKey});
  link(kProduct, kProduct, kDefaultImages, {kImage, kMediaGallery});
  link(kProduct, kVirtualSet, kVirtualGeneral,
       {kName, kDescription, kShortDescription, kSku, kStatus, kUrlKey, kUrlPath, kVisibility, kTaxClassId});
  link(kProduct, kVirtualSet, kVirtualPrices, {kPrice, kSpecialPrice, kSpecialFromDate});
  link(kProduct, kVirtualSet, kVirtualImages, {kImage, kMediaGallery});
}

void StoreSetup::attributeProperties() {
  using namespace attribute;
  // is_global: 0 store view, 1 global, 2 website.
  static const TableSpec catalog{"catalog_eav_attribute",
                                 {"attribute_id", "is_global", "is_visible", "is_searchable", "is_filterable",
                                  "is_comparable", "is_visible_on_front", "is_html_allowed_on_front",
                                  "used_in_product_listing", "used_for_sort_by", "apply_to", "is_wysiwyg_enabled"}};
  static const std::tuple<int, int, int, int, const char*, int> catalogRows[] = {
      {kCategoryName, 0, 0, 0, nullptr, 0}, {kCategoryIsActive, 0, 0, 0, nullptr, 0},
      {kCategoryUrlKey, 0, 0, 0, nullptr, 0}, {kIncludeInMenu, 0, 0, 0, nullptr, 0},
      {kName, 0, 1, 1, nullptr, 0}, {kDescription, 0, 1, 0, nullptr, 1}, {kShortDescription, 0, 1, 1, nullptr, 1},
      {kSku, 1, 1, 0, nullptr, 0}, {kPrice, 2, 1, 1, "simple,configurable,virtual,bundle,downloadable", 0},
      {kSpecialPrice, 2, 0, 1, "simple,configurable,virtual,bundle,downloadable", 0},
      {kSpecialFromDate, 2, 0, 1, "simple,configurable,virtual,bundle,downloadable", 0},
      {kWeight, 1, 0, 0, "simple,bundle", 0}, {kImage, 0, 0, 1, nullptr, 0}, {kMediaGallery, 0, 0, 0, nullptr, 0},
      {kColor, 1, 1, 1, "simple", 0}, {kStatus, 2, 0, 1, nullptr, 0}, {kUrlKey, 0, 0, 1, nullptr, 0},
      {kUrlPath, 0, 0, 0, nullptr, 0}, {kVisibility, 0, 0, 0, nullptr, 0},
      {kTaxClassId, 2, 0, 1, "simple,configurable,virtual,bundle,downloadable", 0},
  };
  for (const auto& [id, global, searchable, listed, applyTo, wysiwyg] : catalogRows) {
    bool text = id == kDescription || id == kShortDescription;
    sink_.add(catalog, {n(id), n(global), n(1), n(searchable), n(0), n(searchable), n(searchable), n(text ? 1 : 0),
                        n(listed), n(id == kName || id == kPrice ? 1 : 0), t(applyTo), n(wysiwyg)});
  }

  // validate_rules are PHP serialize() text in Magento 1.
  static const TableSpec customer{"customer_eav_attribute",
                                  {"attribute_id", "is_visible", "input_filter", "multiline_count", "validate_rules",
                                   "is_system", "sort_order"}};
  const std::string textRules = PhpSerialized::array({{PhpSerialized::string("max_text_length"), PhpSerialized::integer(255)},
                                                      {PhpSerialized::string("min_text_length"), PhpSerialized::integer(1)}});
  const std::string dateRules = PhpSerialized::array({{PhpSerialized::string("input_validation"), PhpSerialized::string("date")}});
  static const int visible[] = {kPrefix, kFirstname, kMiddlename, kLastname, kSuffix, kDob, kTaxvat, kGender,
                                kAddressPrefix, kAddressFirstname, kAddressMiddlename, kAddressLastname, kAddressSuffix,
                                kCompany, kStreet, kCity, kCountryId, kRegion, kRegionId, kPostcode, kTelephone, kFax, kVatId};
  static const int named[] = {kFirstname, kLastname, kAddressFirstname, kAddressLastname, kCity, kStreet, kTelephone, kPostcode};
  static const int customerAttributes[] = {
      kCreatedIn, kPrefix, kFirstname, kMiddlename, kLastname, kSuffix, kDob, kPasswordHash, kDefaultBilling,
      kDefaultShipping, kTaxvat, kConfirmation, kGender, kAddressPrefix, kAddressFirstname, kAddressMiddlename,
      kAddressLastname, kAddressSuffix, kCompany, kStreet, kCity, kCountryId, kRegion, kRegionId, kPostcode, kTelephone,
      kFax, kRpToken, kRpTokenCreatedAt, kVatId, kVatIsValid, kVatRequestId, kVatRequestDate, kVatRequestSuccess};
  std::int64_t sortOrder = 0;
  for (int id : customerAttributes) {
    bool isVisible = std::find(std::begin(visible), std::end(visible), id) != std::end(visible);
    bool isNamed = std::find(std::begin(named), std::end(named), id) != std::end(named);
    F rules = id == kDob ? F::text(dateRules) : isNamed ? F::text(textRules) : F::null();
    sink_.add(customer, {n(id), n(isVisible ? 1 : 0), id == kDob ? t("date") : isNamed ? t("trim") : F::null(),
                         n(id == kStreet ? 2 : 1), std::move(rules), n(1), n(sortOrder += 10)});
  }
}

void StoreSetup::cms() {
  static const TableSpec pages{"cms_page",
                               {"page_id", "title", "root_template", "meta_keywords", "meta_description", "identifier",
                                "content_heading", "content", "creation_time", "update_time", "is_active", "sort_order",
                                "layout_update_xml"}};
  static const TableSpec stores{"cms_page_store", {"page_id", "store_id"}};
  // Page 1 and 2 show in every store (store 0); page 3 in the French store; page 4 is switched off.
  static const std::tuple<int, const char*, const char*, const char*, const char*, int, int> rows[] = {
      {1, "404 Not Found 1", "two_columns_right", "no-route", "<div class=\"page-head-alt\"><h3>Whoops, our bad...</h3></div>", 1, 0},
      {2, "Home page", "two_columns_right", "home", "<div class=\"page-title\"><h2>Home Page</h2></div>", 1, 0},
      {3, "À propos de nous", "one_column", "a-propos", "<p>Une boutique «&nbsp;exemple&nbsp;» depuis 2012.</p>", 1, 2},
      {4, "Summer Sale 2013", "one_column", "summer-sale-2013", "<p>Up to 50% off — ended.</p>", 0, 1},
  };
  for (const auto& [id, title, layout, identifier, content, active, store] : rows) {
    std::int64_t created = kStoreOpened + id * 86400;
    sink_.add(pages, {n(id), t(title), t(layout), t(nullptr), t(nullptr), t(identifier), t(nullptr), t(content),
                      F::datetime(created), F::datetime(created + 3600), n(active), n(0), t(nullptr)});
    sink_.add(stores, {n(id), n(store)});
    if (id == 4) sink_.add(stores, {n(id), n(2)});
  }
}

void StoreSetup::ratings() {
  static const TableSpec ratings{"rating", {"rating_id", "entity_id", "rating_code", "position"}};
  static const TableSpec options{"rating_option", {"option_id", "rating_id", "code", "value", "position"}};
  const char* codes[] = {"Quality", "Price", "Value"};
  for (int rating = 1; rating <= 3; ++rating) {
    sink_.add(ratings, {n(rating), n(1), t(codes[rating - 1]), n(0)});
    for (int value = 1; value <= 5; ++value) {
      sink_.add(options, {n((rating - 1) * 5 + value), n(rating), F::text(std::to_string(value)), n(value), n(value)});
    }
  }
}

}  // namespace m2stage::sample
