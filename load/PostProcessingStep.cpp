#include "load/PostProcessingStep.hpp"

#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "load/ChangedAfterLoad.hpp"
#include "load/StepTables.hpp"
#include "schema/DocumentGroups.hpp"
#include "schema/TablePrefix.hpp"

namespace m2stage::load {

namespace {

using mariadb::quoteIdentifier;

// Upstream's 1.9 eav-document-groups.xml groups, for a config.xml without the file.
const std::vector<std::string>& defaultLeftoverDocuments() {
  static const std::vector<std::string> documents = {
      "catalog_category_entity_datetime", "catalog_category_entity_decimal", "catalog_category_entity_int",
      "catalog_category_entity_text", "catalog_category_entity_varchar", "catalog_eav_attribute",
      "catalog_product_entity_datetime", "catalog_product_entity_decimal", "catalog_product_entity_gallery",
      "catalog_product_entity_int", "catalog_product_entity_media_gallery", "catalog_product_entity_text",
      "catalog_product_entity_varchar", "customer_address_entity_datetime", "customer_address_entity_decimal",
      "customer_address_entity_int", "customer_address_entity_text", "customer_address_entity_varchar",
      "customer_eav_attribute", "customer_eav_attribute_website", "customer_entity_datetime", "customer_entity_decimal",
      "customer_entity_int", "customer_entity_text", "customer_entity_varchar", "customer_form_attribute",
      "eav_attribute_label", "eav_attribute_option", "eav_entity_attribute", "eav_form_element",
      "salesrule_product_attribute", "weee_tax"};
  return documents;
}
const std::vector<std::string>& defaultAttributeSetDocuments() {
  static const std::vector<std::string> documents = {
      "catalog_product_entity_datetime", "catalog_product_entity_decimal", "catalog_product_entity_gallery",
      "catalog_product_entity_int",      "catalog_product_entity_text",    "catalog_product_entity_varchar"};
  return documents;
}

bool hasColumns(mariadb::Connection& destination, const std::string& table, const std::vector<std::string>& needed) {
  auto present = destinationColumns(destination, table);
  for (const auto& column : needed)
    if (!present.contains(column)) return false;
  return true;
}

bool hasRows(mariadb::Connection& destination, const std::string& table) {
  return destination.queryValue(fmt::format("SELECT EXISTS (SELECT 1 FROM {})", quoteIdentifier(table))) ==
         std::optional<std::string>("1");
}

// Runs a DELETE/INSERT and returns the rows it changed.
std::int64_t changed(mariadb::Connection& destination, const std::string& sql) {
  return static_cast<std::int64_t>(destination.execute(sql));
}

std::string col(const std::string& alias, const std::string& column) {
  return quoteIdentifier(alias) + "." + quoteIdentifier(column);
}

class Cleaner {
 public:
  Cleaner(mariadb::Connection& destination, const std::string& prefix) : destination_(destination), prefix_(prefix) {}
  std::string table(const std::string& name) const { return schema::withPrefix(name, prefix_); }

  // The ids of the product attributes matching `condition` (on eav_attribute `ea`).
  std::vector<std::string> productAttributes(const std::string& condition) {
    std::vector<std::string> ids;
    for (auto& row : destination_.query(fmt::format(
             "SELECT {} FROM {} AS {} JOIN {} AS {} ON {} = {} WHERE {} = 'catalog_product' AND {} ORDER BY 1",
             col("ea", "attribute_id"), quoteIdentifier(table("eav_attribute")), quoteIdentifier("ea"),
             quoteIdentifier(table("eav_entity_type")), quoteIdentifier("eet"), col("eet", "entity_type_id"),
             col("ea", "entity_type_id"), col("eet", "entity_type_code"), condition)))
      if (row[0]) ids.push_back(*row[0]);
    return ids;
  }

  // 1. Upstream's EavLeftoverDataCleaner: rows whose attribute_id eav_attribute lacks.
  PostProcessingStep::Cleanup eavLeftovers(const std::vector<std::string>& documents) {
    PostProcessingStep::Cleanup cleanup{"eav_leftover_values"};
    std::string attributes = table("eav_attribute");
    if (!hasColumns(destination_, attributes, {"attribute_id"}) || !hasRows(destination_, attributes)) {
      // An empty eav_attribute would make every value a leftover.
      cleanup.detail = fmt::format("left out: Magento 2's {} is missing or empty", attributes);
      return cleanup;
    }
    std::vector<std::string> parts;
    for (const auto& document : documents) {
      std::string name = table(document);
      if (!hasColumns(destination_, name, {"attribute_id"})) continue;
      auto rows = changed(destination_, fmt::format("DELETE {0} FROM {1} AS {0} LEFT JOIN {2} AS {3} ON {4} = {5} WHERE {4} IS NULL",
                                                    quoteIdentifier("j"), quoteIdentifier(name), quoteIdentifier(attributes),
                                                    quoteIdentifier("ea"), col("ea", "attribute_id"), col("j", "attribute_id")));
      if (rows) parts.push_back(fmt::format("{} {}", name, rows));
      if (rows) cleanup.tables[document] += rows;
      cleanup.rows += rows;
    }
    cleanup.detail = parts.empty() ? "none" : fmt::format("{}", fmt::join(parts, ", "));
    return cleanup;
  }

  // 2. Upstream's AttributeSetLeftoverDataCleaner: non-NULL product values whose attribute is not
  // in the product's attribute set (eav_entity_attribute).
  PostProcessingStep::Cleanup attributeSetLeftovers(const std::vector<std::string>& documents) {
    PostProcessingStep::Cleanup cleanup{"attribute_set_leftover_values"};
    std::string products = table("catalog_product_entity"), setAttributes = table("eav_entity_attribute");
    if (!hasColumns(destination_, products, {"entity_id", "attribute_set_id"}) ||
        !hasColumns(destination_, setAttributes, {"attribute_set_id", "attribute_id"}) ||
        !hasRows(destination_, setAttributes)) {
      cleanup.detail = fmt::format("left out: Magento 2's {} or {} is missing or empty", products, setAttributes);
      return cleanup;
    }
    std::vector<std::string> parts;
    for (const auto& document : documents) {
      std::string name = table(document);
      if (!hasColumns(destination_, name, {"entity_id", "attribute_id", "value"})) continue;
      auto rows = changed(destination_,
                          fmt::format("DELETE {0} FROM {1} AS {0} JOIN {2} AS {3} ON {4} = {5} WHERE {6} IS NOT NULL AND "
                                      "{7} NOT IN (SELECT {8} FROM {9} AS {10} WHERE {11} = {12})",
                                      quoteIdentifier("v"), quoteIdentifier(name), quoteIdentifier(products),
                                      quoteIdentifier("cpe"), col("cpe", "entity_id"), col("v", "entity_id"),
                                      col("v", "value"), col("v", "attribute_id"), col("eea", "attribute_id"),
                                      quoteIdentifier(setAttributes), quoteIdentifier("eea"), col("eea", "attribute_set_id"),
                                      col("cpe", "attribute_set_id")));
      if (rows) parts.push_back(fmt::format("{} {}", name, rows));
      if (rows) cleanup.tables[document] += rows;
      cleanup.rows += rows;
    }
    cleanup.detail = parts.empty() ? "none" : fmt::format("{}", fmt::join(parts, ", "));
    return cleanup;
  }

  // 3. Upstream's ProductsInRootCatalogCleaner: products assigned to the tree root (category 1).
  PostProcessingStep::Cleanup productsInRootCategory() {
    PostProcessingStep::Cleanup cleanup{"products_in_root_category"};
    std::string links = table("catalog_category_product");
    if (!hasColumns(destination_, links, {"category_id"})) {
      cleanup.detail = fmt::format("left out: Magento 2 has no {}", links);
      return cleanup;
    }
    cleanup.rows = changed(destination_, fmt::format("DELETE FROM {} WHERE {} = 1", quoteIdentifier(links),
                                                     quoteIdentifier("category_id")));
    cleanup.detail = fmt::format("{} rows of category 1 deleted from {}", cleanup.rows, links);
    cleanup.tables["catalog_category_product"] = cleanup.rows;
    return cleanup;
  }

  // 4. Upstream's EntityTypeTextToVarcharMover: product multiselect values from _text to _varchar
  // (upserted by entity, attribute and store), in one transaction.
  PostProcessingStep::Cleanup multiselectToVarchar() {
    PostProcessingStep::Cleanup cleanup{"multiselect_text_to_varchar"};
    std::string text = table("catalog_product_entity_text"), varchar = table("catalog_product_entity_varchar");
    const std::vector<std::string> columns = {"attribute_id", "store_id", "value", "entity_id"};
    if (!hasColumns(destination_, text, columns) || !hasColumns(destination_, varchar, columns) ||
        !hasColumns(destination_, table("eav_attribute"), {"attribute_id", "entity_type_id", "frontend_input"}) ||
        !hasColumns(destination_, table("eav_entity_type"), {"entity_type_id", "entity_type_code"})) {
      cleanup.detail = fmt::format("left out: Magento 2 lacks {}, {} or the EAV metadata tables", text, varchar);
      return cleanup;
    }
    auto ids = productAttributes(fmt::format("{} = 'multiselect'", col("ea", "frontend_input")));
    if (ids.empty()) {
      cleanup.detail = "no product multiselect attribute";
      return cleanup;
    }
    std::vector<std::string> literals;
    for (const auto& id : ids) literals.push_back(destination_.literal(id, false));
    std::string where = fmt::format("{} IN ({})", quoteIdentifier("attribute_id"), fmt::join(literals, ", "));
    auto longValues = destination_.queryValue(fmt::format("SELECT COUNT(*) FROM {} WHERE {} AND CHAR_LENGTH({}) > 255",
                                                          quoteIdentifier(text), where, quoteIdentifier("value")));
    if (longValues && *longValues != "0")
      spdlog::warn("PostProcessing: {} multiselect values in {} are longer than {}.value holds (255 characters); "
                   "they are cut as they move, as upstream",
                   *longValues, text, varchar);
    std::vector<std::string> names, updates;
    for (const auto& column : columns) {
      names.push_back(quoteIdentifier(column));
      updates.push_back(fmt::format("{0} = VALUES({0})", quoteIdentifier(column)));
    }
    destination_.execute("START TRANSACTION");
    destination_.execute(fmt::format("INSERT INTO {0} ({1}) SELECT {1} FROM {2} WHERE {3} ON DUPLICATE KEY UPDATE {4}",
                                     quoteIdentifier(varchar), fmt::join(names, ", "), quoteIdentifier(text), where,
                                     fmt::join(updates, ", ")));
    cleanup.rows = changed(destination_, fmt::format("DELETE FROM {} WHERE {}", quoteIdentifier(text), where));
    destination_.execute("COMMIT");
    cleanup.detail = fmt::format("{} values of attributes {} moved from {} to {}", cleanup.rows, fmt::join(ids, ", "),
                                 text, varchar);
    cleanup.tables["catalog_product_entity_text"] = cleanup.tables["catalog_product_entity_varchar"] = cleanup.rows;
    return cleanup;
  }

  // 5. Upstream's ProductUrlPathCleaner: every product url_path value.
  PostProcessingStep::Cleanup productUrlPaths() {
    PostProcessingStep::Cleanup cleanup{"product_url_path"};
    std::string varchar = table("catalog_product_entity_varchar");
    if (!hasColumns(destination_, varchar, {"attribute_id"}) ||
        !hasColumns(destination_, table("eav_attribute"), {"attribute_id", "entity_type_id", "attribute_code"}) ||
        !hasColumns(destination_, table("eav_entity_type"), {"entity_type_id", "entity_type_code"})) {
      cleanup.detail = fmt::format("left out: Magento 2 lacks {} or the EAV metadata tables", varchar);
      return cleanup;
    }
    auto ids = productAttributes(fmt::format("{} = 'url_path'", col("ea", "attribute_code")));
    if (ids.empty()) {
      cleanup.detail = "no product url_path attribute";
      return cleanup;
    }
    cleanup.rows = changed(destination_, fmt::format("DELETE FROM {} WHERE {} = {}", quoteIdentifier(varchar),
                                                     quoteIdentifier("attribute_id"), destination_.literal(ids.front(), false)));
    cleanup.detail = fmt::format("{} url_path values (attribute {}) deleted from {}", cleanup.rows, ids.front(), varchar);
    cleanup.tables["catalog_product_entity_varchar"] = cleanup.rows;
    return cleanup;
  }

 private:
  mariadb::Connection& destination_;
  std::string prefix_;
};

std::vector<std::string> groupOr(const schema::DocumentGroups& groups, const std::string& name,
                                 const std::vector<std::string>& fallback) {
  std::vector<std::string> documents;
  for (const auto& document : groups.group(name)) documents.push_back(document.name);
  return documents.empty() ? fallback : documents;
}

}  // namespace

PostProcessingStep PostProcessingStep::forConfig(const schema::Config& config) {
  auto path = config.fileOption("eav_document_groups_file");
  if (path.empty()) return PostProcessingStep(defaultLeftoverDocuments(), defaultAttributeSetDocuments());
  auto groups = schema::DocumentGroups::load(path);
  return PostProcessingStep(groupOr(groups, "documents_leftover_values", defaultLeftoverDocuments()),
                            groupOr(groups, "documents_attribute_set_leftover_values", defaultAttributeSetDocuments()));
}

std::optional<PostProcessingStep> PostProcessingStep::forPlan(const schema::Config& config, const schema::StepPlan& plan) {
  if (plan.mode != "data" || !plan.postProcessing) return std::nullopt;
  return forConfig(config);
}

PostProcessingStep::Result PostProcessingStep::run(mariadb::Connection& destination, audit::AuditTrail& audit,
                                                   std::int64_t run, const std::string& prefix) const {
  // The multiselect upsert needs the unique keys checked (a bulk session turns UNIQUE_CHECKS off).
  destination.execute("SET SESSION UNIQUE_CHECKS=1");
  Cleaner cleaner(destination, prefix);
  Result result;
  // Upstream's order.
  result.cleanups.push_back(cleaner.eavLeftovers(leftoverDocuments_));
  result.cleanups.push_back(cleaner.attributeSetLeftovers(attributeSetDocuments_));
  result.cleanups.push_back(cleaner.productsInRootCategory());
  result.cleanups.push_back(cleaner.multiselectToVarchar());
  result.cleanups.push_back(cleaner.productUrlPaths());
  for (const auto& cleanup : result.cleanups) {
    result.rows += cleanup.rows;
    audit.record(run, "load.post_processing." + cleanup.name, "", cleanup.rows, cleanup.detail);
    for (const auto& [changedTable, rows] : cleanup.tables)
      recordChangedAfterLoad(audit, run, changedTable, rows, "PostProcessing " + cleanup.name);
    spdlog::info("load: PostProcessing: {}: {} rows ({})", cleanup.name, cleanup.rows, cleanup.detail);
  }
  return result;
}

}  // namespace m2stage::load
