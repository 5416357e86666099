// The ConfigurablePrices step (official Migration\Step\ConfigurablePrices\Integrity|Data|Volume) at
// load: Magento 2 has no super-attribute pricing (an option of a configurable product adding a
// fixed amount or a percentage to the parent's price), so each child product gets the price it
// had in Magento 1 as its own `price` value in Magento 2's catalog_product_entity_decimal:
// the parent's price plus, for every super attribute, the amount of the option the child has.
// Pricing of website 0 becomes the child's store-0 value; pricing of a website becomes a value
// for each of its stores, with website 0's pricing standing in for options the website does not
// price (as Magento 1 computes it). Rows are upserted on (entity_id, attribute_id, store_id) after
// the Map step loaded the table, and read back to check them.
//
// The rows come from one SQL join over the run's staged Magento 1 tables (staged for the step
// even where map.xml ignores them), read in (child, store) order and folded one child and store
// at a time, so no table is held in memory.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/AuditTrail.hpp"
#include "mariadb/Connection.hpp"
#include "schema/StepList.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

class ConfigurablePricesStep {
 public:
  // What extract stages for the step, whatever map.xml says.
  static const std::set<std::string>& stagedDocuments();
  // Whether the mode's plan runs the step: data mode, listed or without a list.
  static bool runs(const schema::StepPlan& plan) { return plan.mode == "data" && plan.configurablePrices; }

  // One option's pricing: Magento 1's pricing_value text (decimal(12,4)) and is_percent.
  struct Option {
    std::string value;
    bool percent = false;
  };
  // A child's price from the parent's (decimal texts, 4 places): the parent's price plus each
  // fixed amount and each percentage of the parent's price, the sum truncated to 4 places as
  // upstream truncates. nullopt when a text is not a decimal number.
  static std::optional<std::string> childPrice(const std::string& parentPrice, const std::vector<Option>& options);

  struct Result {
    bool ran = false;
    std::int64_t prices = 0;           // (child, store) prices written
    std::int64_t withoutParentPrice = 0;  // (child, store) pairs left out: the parent has no price
    std::int64_t otherParents = 0;     // (child, store) pairs of a second configurable parent, left out
    int mismatches = 0;                // 1 when prices read back differ (volume_mismatch)
  };
  // Data and Volume. Leaves Magento 2 alone (with a warning) when it has no
  // catalog_product_entity_decimal with entity_id, or the run staged none of the pricing tables.
  Result load(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
              const std::string& prefix) const;
};

}  // namespace m2stage::load
