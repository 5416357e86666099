// The EAV step's merge (official Migration\Step\Eav\Data), on rows held in memory: Magento 1's EAV
// metadata (already shaped by map-eav.xml into Magento 2 columns) merged with the rows Magento 2
// has installed. Entity types match by entity_type_code, attribute sets by (entity type, name),
// attributes by (entity type, attribute_code), attribute groups by (set, name). Magento 1 ids are
// kept; a Magento 2-only row gets a new id (after the largest in use) and every reference to it is
// remapped. Magento 2's default product attribute groups, and their attribute links, are added to
// every Magento 1 product attribute set; the attributes of Magento 1's product groups General,
// Prices and Recurring Profile move into Magento 2's groups (upstream's custom product attribute
// groups). Options and labels: Magento 1's are kept; Magento 2's are carried only for attributes
// Magento 1 does not have. EAV metadata is small (thousands of rows): all in memory.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "schema/ClassMap.hpp"
#include "schema/Table.hpp"

namespace m2stage::schema {

// The rows of one EAV table, in one column order.
struct EavTable {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  // Per row and column: false where the map left the column unset (it holds the column default);
  // a matched Magento 2 row's value is taken there. Empty: every column was set.
  std::vector<std::vector<bool>> assigned;

  int index(const std::string& column) const;
  // The value of `column` in row `row` (throws std::out_of_range when the table lacks the column).
  const Value& at(std::size_t row, const std::string& column) const;
};

// By document name: eav_entity_type, eav_attribute_set, eav_attribute_group, eav_attribute,
// eav_entity_attribute, catalog_eav_attribute, customer_eav_attribute, eav_attribute_option,
// eav_attribute_option_value, eav_attribute_label, eav_attribute_option_swatch. A table may be absent.
using EavTables = std::map<std::string, EavTable>;

// The documents the merge writes, in the order they are written (referenced tables first).
const std::vector<std::string>& eavMergedDocuments();

// Magento 1's product attribute groups whose attributes move into Magento 2's groups (upstream
// Eav\Data's custom product attribute groups): General, Prices, Recurring Profile.
const std::set<std::string>& eavMovedProductGroups();

// (entity_type_code, attribute_code) pairs of eav-attribute-groups.xml's "ignore" group.
using EavAttributeSet = std::set<std::pair<std::string, std::string>>;

// A Magento 1 value the step cannot carry: the official message 11 parts.
struct EavIssue {
  std::string document, field, message;
};

struct EavMergeResult {
  EavTables merged;  // per document, in Magento 2's column order
  // Per document: the Magento 2 id of each Magento 2 row carried, and its id after the merge.
  std::map<std::string, std::map<std::string, std::string>> remapped;
  std::int64_t newRows = 0;      // Magento 2-only rows re-inserted with new ids
  std::int64_t groupsAdded = 0;  // default product groups added to Magento 1 product sets
  std::int64_t linksAdded = 0;   // their attribute links
  std::int64_t ignoredRows = 0;  // Magento 1 rows of ignored attributes left out
  std::int64_t groupsDropped = 0;  // Magento 1 product groups General, Prices, Recurring Profile
  std::int64_t linksMoved = 0;     // their attribute links, moved into Magento 2's groups
  // Per document: Magento 2 option, option value, label and swatch rows left out because their
  // attribute exists in Magento 1 too (Magento 1's options win).
  std::map<std::string, std::int64_t> magento2RowsDropped;
};

class EavMerge {
 public:
  // `magento1` and `magento2` must give each document in the same columns (Magento 2's).
  EavMerge(EavTables magento1, EavTables magento2, EavAttributeSet ignored);
  EavMergeResult merge() const;

  // Upstream Eav\Integrity's class-map check: each source_model, backend_model and frontend_model
  // of a Magento 1 attribute (raw, before map-eav) that the class map does not know, in the
  // official wording `Incompatibility in data. Source document: eav_attribute. Field: F. Error:
  // Class C is not mapped in record attribute_id=N`. Ignored attributes are not checked.
  static std::vector<EavIssue> unmappedClasses(const EavTable& attributes, const EavTable& entityTypes,
                                               const ClassMap& classMap, const EavAttributeSet& ignored);

 private:
  EavTables m1_, m2_;
  EavAttributeSet ignored_;
};

}  // namespace m2stage::schema
