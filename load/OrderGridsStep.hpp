// The OrderGrids step (official Migration\Step\OrderGrids\Integrity|Data|Volume|Delta) at load:
// Magento 1's grid tables are ignored, and Magento 2's sales_order_grid, sales_invoice_grid,
// sales_shipment_grid and sales_creditmemo_grid are rebuilt on the destination with
// INSERT ... SELECT joins over the sales tables the map step already loaded (the columns of
// Magento 2's own grid indexers, as far as the destination's grid table has them). A full load
// empties and rebuilds each grid and checks that it has one row per sales entity; a delta load
// rebuilds the grid rows of the orders, invoices, shipments and credit memos the delta run changed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/AuditTrail.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Config.hpp"
#include "schema/StepList.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

class OrderGridsStep {
 public:
  // The Magento 1 documents whose changes refresh grids: order_grids_document_groups_file's
  // `source_documents` group, or upstream's six when the option is absent.
  static OrderGridsStep forConfig(const schema::Config& config);
  // Whether config.xml names order_grids_document_groups_file (the step's default trigger
  // without a step list).
  static bool configured(const schema::Config& config);
  // The step when the mode's plan runs it: listed in the step list (data or delta mode), or,
  // without a list, when config.xml names order_grids_document_groups_file.
  static std::optional<OrderGridsStep> forPlan(const schema::Config& config, const schema::StepPlan& plan);

  const std::set<std::string>& sourceDocuments() const { return sourceDocuments_; }

  struct Result {
    int grids = 0;
    std::int64_t rows = 0;
    int mismatches = 0;  // grids whose row count differs from their sales table (volume_mismatch)
  };
  // Data and Volume: empties and rebuilds every grid Magento 2 has; a grid or sales table it
  // lacks is named in a warning and left out.
  Result rebuild(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                 const std::string& prefix) const;
  // Delta: the grid rows of the entities the delta run `run` changed (their rows deleted and
  // selected again, so a deleted entity leaves its grid). Returns the grid rows written.
  std::int64_t refresh(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit,
                       std::int64_t run, const std::string& prefix) const;

 private:
  explicit OrderGridsStep(std::set<std::string> sourceDocuments) : sourceDocuments_(std::move(sourceDocuments)) {}
  std::set<std::string> sourceDocuments_;
};

}  // namespace m2stage::load
