// The SalesIncrement step (official Migration\Step\SalesIncrement\Integrity|Data|Volume) at load:
// from the run's staged Magento 1 eav_entity_store, eav_entity_type and core_store it creates, on
// Magento 2, one `sequence_<type>_<store>` table per entity type (order, invoice, creditmemo,
// shipment) and Magento 1 store, holding Magento 1's last increment number, and rewrites
// sales_sequence_meta and sales_sequence_profile, so the next Magento 2 number follows the last
// Magento 1 one. Creating the sequence tables is a schema change to Magento 2, as upstream's.
// Before that, increment ids Magento 1 holds twice for one store become findings.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "audit/AuditTrail.hpp"
#include "mariadb/Connection.hpp"
#include "schema/SalesSequence.hpp"
#include "schema/StepList.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

// The finding kind of an increment id Magento 1 holds twice for one store.
inline constexpr const char* kDuplicateIncrementId = "duplicate_increment_id";

class SalesIncrementStep {
 public:
  // What extract stages for the step, whatever map.xml says: the increment facts and the sales
  // entity tables whose increment ids are checked for duplicates.
  static const std::set<std::string>& stagedDocuments();
  // Whether the mode's plan runs the step: data mode, listed or without a list (load then leaves
  // a Magento 2 without sales_sequence_meta alone).
  static bool runs(const schema::StepPlan& plan) { return plan.mode == "data" && plan.salesIncrement; }
  // SalesIncrement\Delta: the delta mode's plan lists it, or there is no list.
  static bool runsDelta(const schema::StepPlan& plan) { return plan.mode == "delta" && plan.salesIncrement; }

  // The run's sequence tables, from the staged Magento 1 tables (empty without eav_entity_store);
  // for a delta run, from its changed eav_entity_store rows and the full run's other tables.
  static std::vector<schema::SequencePlan> plan(stage::StageFile& stage, std::int64_t run);

  // Duplicate increment ids among the run's staged sales entity rows, stored as findings of
  // `step` (replacing that step's earlier ones of the kind; transform and load both use
  // "transform", so the findings exist before anything is loaded); returns how many.
  static std::size_t reportDuplicates(stage::StageFile& stage, std::int64_t run, const std::string& step);

  struct Result {
    bool ran = false;
    int sequences = 0;
    int mismatches = 0;  // sequences whose last value in Magento 2 differs (volume_mismatch findings)
    std::size_t duplicates = 0;
  };
  // Data and Volume: writes the sequences into Magento 2 and checks them. Leaves Magento 2 alone
  // (with a warning) when it lacks sales_sequence_meta/_profile or the run staged no eav_entity_store.
  Result load(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
              const std::string& prefix) const;
  // Delta (official SalesIncrement\Delta): after a delta run, each sequence table whose Magento 1
  // counter (eav_entity_store) the run changed is raised to Magento 1's last number, never lowered,
  // so the next Magento 2 number still follows the last Magento 1 one. `sequences` counts the
  // tables raised.
  Result raise(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
               const std::string& prefix) const;
};

}  // namespace m2stage::load
