// The Inventory step (official Migration\Step\Inventory\Integrity|Data|Volume|Delta) at load:
// Magento 1's cataloginventory_stock_item goes through the map step as any document; when
// Magento 2 has the Multi-Source Inventory tables, load then fills them on the destination with
// INSERT ... SELECT upserts, as upstream: inventory_source_item from the migrated stock items of
// website 0 joined to the products by sku (with the default source), inventory_stock_sales_channel
// from store_website (every website but admin, stock 1), and inventory_shipment_source from
// sales_shipment (the default source). A Magento 2 without MSI is left alone. A delta load upserts
// the source items of the products whose stock items the delta run changed, and the shipment
// sources of its changed shipments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "audit/AuditTrail.hpp"
#include "mariadb/Connection.hpp"
#include "schema/StepList.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

class InventoryStep {
 public:
  // Whether the mode's plan runs the step: data or delta mode, listed or without a list (load then
  // leaves a Magento 2 without the MSI tables alone).
  static bool runs(const schema::StepPlan& plan) { return plan.mode != "settings" && plan.inventory; }

  struct Result {
    bool ran = false;        // Magento 2 has MSI (inventory_source_item)
    std::int64_t sourceItems = 0, salesChannels = 0, shipmentSources = 0;  // rows in Magento 2 afterwards
    int mismatches = 0;      // volume_mismatch findings
  };
  // Data and Volume: the three upserts, then the counts compared (inventory_source_item against
  // cataloginventory_stock_item, inventory_shipment_source against sales_shipment).
  Result load(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
              const std::string& prefix) const;
  // Delta: the source items of the products whose stock items the delta run `run` changed, and the
  // shipment sources of its changed shipments (upserts; nothing is deleted, as upstream). Returns
  // the changed ids refreshed.
  std::int64_t refresh(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit,
                       std::int64_t run, const std::string& prefix) const;
};

}  // namespace m2stage::load
