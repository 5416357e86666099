#include "sample/StoreSetup.hpp"

#include <tuple>

#include "sample/Attributes.hpp"

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
  static const std::tuple<int, const char*, const char*, const char*, const char*, int, const char*, const char*> typeRows[] = {
      {kCustomer, "customer", "customer/customer", "customer/entity", "eav/entity_increment_numeric", 1,
       "customer/eav_attribute", "customer/attribute_collection"},
      {kCustomerAddress, "customer_address", "customer/address", "customer/address_entity", nullptr, 2,
       "customer/eav_attribute", "customer/address_attribute_collection"},
      {kCategory, "catalog_category", "catalog/category", "catalog/category", nullptr, 3, "catalog/eav_attribute",
       "catalog/category_attribute_collection"},
      {kProduct, "catalog_product", "catalog/product", "catalog/product", nullptr, 4, "catalog/eav_attribute",
       "catalog/product_attribute_collection"},
  };
  for (const auto& [id, code, model, table, increment, set, additional, collection] : typeRows) {
    sink_.add(types, {n(id), t(code), t(model), t(id == kCategory || id == kProduct ? "catalog/resource_eav_attribute" : nullptr),
                      t(table), t(nullptr), t(nullptr), n(1), t("default"), n(set), increment ? t(increment) : F::text(""),
                      n(0), n(8), t("0"), t(additional), t(collection)});
  }

  static const TableSpec attributes{"eav_attribute",
                                    {"attribute_id", "entity_type_id", "attribute_code", "backend_model", "backend_type",
                                     "frontend_input", "frontend_label", "source_model", "is_required",
                                     "is_user_defined", "default_value", "is_unique"}};
  static const std::tuple<int, int, const char*, const char*, const char*, const char*, const char*, const char*, int> rows[] = {
      {kCreatedIn, kCustomer, "created_in", nullptr, "static", "text", "Created From", nullptr, 0},
      {kFirstname, kCustomer, "firstname", nullptr, "varchar", "text", "First Name", nullptr, 1},
      {kMiddlename, kCustomer, "middlename", nullptr, "varchar", "text", "Middle Name/Initial", nullptr, 0},
      {kLastname, kCustomer, "lastname", nullptr, "varchar", "text", "Last Name", nullptr, 1},
      {kDob, kCustomer, "dob", "eav/entity_attribute_backend_datetime", "datetime", "date", "Date Of Birth", nullptr, 0},
      {kPasswordHash, kCustomer, "password_hash", "customer/customer_attribute_backend_password", "varchar", "hidden", nullptr, nullptr, 0},
      {kDefaultBilling, kCustomer, "default_billing", "customer/customer_attribute_backend_billing", "int", "text", "Default Billing Address", nullptr, 0},
      {kDefaultShipping, kCustomer, "default_shipping", "customer/customer_attribute_backend_shipping", "int", "text", "Default Shipping Address", nullptr, 0},
      {kGender, kCustomer, "gender", nullptr, "int", "select", "Gender", "eav/entity_attribute_source_table", 0},
      {kAddressFirstname, kCustomerAddress, "firstname", nullptr, "varchar", "text", "First Name", nullptr, 1},
      {kAddressLastname, kCustomerAddress, "lastname", nullptr, "varchar", "text", "Last Name", nullptr, 1},
      {kCity, kCustomerAddress, "city", nullptr, "varchar", "text", "City", nullptr, 1},
      {kCountryId, kCustomerAddress, "country_id", nullptr, "varchar", "select", "Country", "customer/entity_address_attribute_source_country", 1},
      {kPostcode, kCustomerAddress, "postcode", nullptr, "varchar", "text", "Zip/Postal Code", nullptr, 0},
      {kTelephone, kCustomerAddress, "telephone", nullptr, "varchar", "text", "Telephone", nullptr, 1},
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
      {kStatus, kProduct, "status", nullptr, "int", "select", "Status", "catalog/product_status", 1},
      {kUrlKey, kProduct, "url_key", "catalog/product_attribute_backend_urlkey", "varchar", "text", "URL Key", nullptr, 0},
      {kVisibility, kProduct, "visibility", nullptr, "int", "select", "Visibility", "catalog/product_visibility", 1},
      {kTaxClassId, kProduct, "tax_class_id", nullptr, "int", "select", "Tax Class", "tax/class_source_product", 1},
  };
  for (const auto& [id, type, code, backend, backendType, input, label, source, required] : rows) {
    sink_.add(attributes, {n(id), n(type), t(code), t(backend), t(backendType), t(input), t(label), t(source), n(required),
                           n(0), id == kStatus ? t("1") : F::null(), n(id == kSku ? 1 : 0)});
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
