// The EAV step's transform side (official Migration\Step\Eav\Integrity and Eav\Data, adapted to the
// staging file): checks the staged Magento 1 attributes' model classes against the class map, reads
// Magento 2's EAV rows (from Magento 2 when reachable, stored in "eav_m2.<document>"; otherwise
// the copy stored earlier), shapes the staged Magento 1 rows through eav_map_file, merges both
// (schema::EavMerge) and stores the result as "eav.<document>" for load (load/EavLoader).
// Progress lives in the `document` table under the steps "eav-m2" (the Magento 2 copy) and "eav"
// (the merged rows: pending until load writes and checks them, then done or failed).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "audit/AuditTrail.hpp"
#include "audit/Finding.hpp"
#include "schema/Config.hpp"
#include "schema/Table.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::transform {

class EavStep {
 public:
  // Whether config.xml names the files the step needs: eav_map_file, eav_document_groups_file and
  // eav_attribute_groups_file.
  static bool configured(const schema::Config& config);
  // The Magento 1 documents the step reads (the "documents" group of eav_document_groups_file, and
  // eav_attribute_option_value with eav_attribute_option): extract stages them even though map.xml
  // ignores them, and the Map step leaves them alone. Throws InputError when the group lists option
  // values without options.
  static std::set<std::string> sourceDocuments(const schema::Config& config);

  EavStep(const schema::Config& config, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
          bool autoResolve);

  // The Eav\Integrity findings: classes the class map does not know (errors, warnings with --auto).
  std::vector<audit::Finding> integrity();
  // Merges and stores the result; returns the merged rows. `destinationTables` is Magento 2's schema.
  std::int64_t transform(const std::map<std::string, schema::Table>& destinationTables);

 private:
  const schema::Config& config_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  std::int64_t run_;
  bool autoResolve_;
};

}  // namespace m2stage::transform
