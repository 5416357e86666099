// The PostProcessing step (official Migration\Step\PostProcessing\Data) at load: once every other
// step is done, upstream's clean-ups run on Magento 2, each as SQL on the destination:
//   1. values of attributes eav_attribute no longer has are deleted (the tables of the
//      `documents_leftover_values` group of eav_document_groups_file: the catalog and customer
//      value tables and the other tables keyed by attribute_id);
//   2. product values whose attribute is not in the product's attribute set are deleted (the
//      `documents_attribute_set_leftover_values` group: the product value tables);
//   3. catalog_category_product rows pointing at the tree root category (id 1) are deleted;
//   4. product multiselect values move from catalog_product_entity_text to _varchar;
//   5. every product url_path value is deleted (Magento 2 builds URLs from url_key).
// Each clean-up's row count is one audit event and one line of the load log.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/AuditTrail.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Config.hpp"
#include "schema/StepList.hpp"

namespace m2stage::load {

class PostProcessingStep {
 public:
  // The documents of the two groups in eav_document_groups_file, or upstream's lists (those of
  // the shipped eav-document-groups.xml) when config.xml does not name the file.
  static PostProcessingStep forConfig(const schema::Config& config);
  // The step when the mode's plan runs it: data mode, listed or without a list (each clean-up
  // then runs when Magento 2 has its tables).
  static std::optional<PostProcessingStep> forPlan(const schema::Config& config, const schema::StepPlan& plan);

  const std::vector<std::string>& leftoverDocuments() const { return leftoverDocuments_; }
  const std::vector<std::string>& attributeSetDocuments() const { return attributeSetDocuments_; }

  struct Cleanup {
    std::string name;    // audit event suffix: eav_leftover_values, attribute_set_leftover_values, ...
    std::int64_t rows = 0;  // rows deleted (moved, for the multiselect values)
    std::string detail;  // per table, or why it was left out
    std::map<std::string, std::int64_t> tables;  // Magento 2 table (unprefixed) -> rows it changed
  };
  struct Result {
    std::vector<Cleanup> cleanups;  // in the order they ran
    std::int64_t rows = 0;
  };
  Result run(mariadb::Connection& destination, audit::AuditTrail& audit, std::int64_t run,
             const std::string& prefix) const;

 private:
  PostProcessingStep(std::vector<std::string> leftover, std::vector<std::string> attributeSet)
      : leftoverDocuments_(std::move(leftover)), attributeSetDocuments_(std::move(attributeSet)) {}
  std::vector<std::string> leftoverDocuments_, attributeSetDocuments_;
};

}  // namespace m2stage::load
