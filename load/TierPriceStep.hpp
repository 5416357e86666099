// The TierPrice step (official Migration\Step\TierPrice\Integrity|Data|Volume) at load: Magento 2's
// catalog_product_entity_tier_price is emptied and filled from the run's staged Magento 1
// catalog_product_entity_tier_price rows, then its catalog_product_entity_group_price rows, which
// become tier prices of qty 1 (Magento 2 has no group prices). value_id is new. Rows are upserted
// on Magento 2's unique key (entity_id, all_groups, customer_group_id, qty, website_id), so a group
// price and a qty-1 tier price of the same product, group and website end as one row: the group
// price's, as upstream (written last); each such pair is counted and reported as a finding. A
// percentage group price (Magento 1's is_percent = 1, bundle products) keeps being a percentage:
// it goes into percentage_value. The step owns both documents: the Map step leaves them alone.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "audit/AuditTrail.hpp"
#include "mariadb/Connection.hpp"
#include "schema/StepList.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

// The finding kind of a group price that replaced a qty-1 tier price.
inline constexpr const char* kTierPriceReplaced = "tier_price_replaced";

class TierPriceStep {
 public:
  inline static const std::string kTierDocument = "catalog_product_entity_tier_price";
  inline static const std::string kGroupDocument = "catalog_product_entity_group_price";

  // The Magento 1 documents the step reads; extract stages them whatever map.xml says, and the
  // Map step leaves them to the step (document -> step name, for transform's skipped note).
  static const std::set<std::string>& stagedDocuments();
  static std::map<std::string, std::string> ownedDocuments();
  // Whether the mode's plan runs the step: data mode, listed or without a list.
  static bool runs(const schema::StepPlan& plan) { return plan.mode == "data" && plan.tierPrice; }

  struct Result {
    bool ran = false;
    std::int64_t tierPrices = 0;   // Magento 1 tier price rows written
    std::int64_t groupPrices = 0;  // Magento 1 group price rows written (qty 1)
    std::int64_t percentGroupPrices = 0;  // of those, percentages (into percentage_value)
    std::int64_t replaced = 0;     // group prices that replaced a qty-1 tier price
    std::int64_t rows = 0;         // rows in Magento 2 afterwards
    int mismatches = 0;            // 1 when Magento 2's row count differs (volume_mismatch)
  };
  // Data and Volume. Leaves Magento 2 alone (with a warning) when it has no tier price table or
  // the run staged no Magento 1 catalog_product_entity_tier_price.
  Result load(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
              const std::string& prefix) const;
};

}  // namespace m2stage::load
