#include "load/InventoryStep.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "audit/Finding.hpp"
#include "load/LoadRecords.hpp"
#include "load/StepTables.hpp"
#include "schema/TablePrefix.hpp"
#include "stage/RowTable.hpp"

namespace m2stage::load {

namespace {

using mariadb::quoteIdentifier;
constexpr std::size_t kIdBatch = 1000;

// One of upstream's three inventory models: an INSERT ... SELECT upsert from a Magento 2 table
// (alias `s`) into an MSI table, over the columns both must have.
struct Model {
  std::string target, source;
  std::vector<std::string> targetColumns, sourceColumns;
  bool needsSourceCode = false;
  std::string idColumn;  // the source column a delta refresh selects by
};

// The models, in upstream's order; `sourceCode` is the default source's code as an SQL literal.
std::vector<Model> models() {
  return {{"inventory_source_item", "cataloginventory_stock_item", {"source_code", "quantity", "status", "sku"},
           {"product_id", "qty", "is_in_stock", "website_id"}, true, "product_id"},
          {"inventory_stock_sales_channel", "store_website", {"type", "code", "stock_id"}, {"code"}, false, ""},
          {"inventory_shipment_source", "sales_shipment", {"shipment_id", "source_code"}, {"entity_id"}, true, "entity_id"}};
}

class Statements {
 public:
  Statements(mariadb::Connection& destination, const std::string& prefix) : destination_(destination), prefix_(prefix) {}
  std::string table(const std::string& name) const { return schema::withPrefix(name, prefix_); }

  // The tables and columns of `model` Magento 2 lacks ("" when it has them all).
  std::string missing(const Model& model) {
    std::vector<std::string> missing;
    auto check = [&](const std::string& name, const std::vector<std::string>& needed) {
      auto present = destinationColumns(destination_, table(name));
      if (present.empty()) {
        missing.push_back(table(name));
        return;
      }
      for (const auto& column : needed)
        if (!present.contains(column)) missing.push_back(table(name) + "." + column);
    };
    check(model.target, model.targetColumns);
    check(model.source, model.sourceColumns);
    if (model.target == "inventory_source_item") check("catalog_product_entity", {"entity_id", "sku"});
    return fmt::format("{}", fmt::join(missing, ", "));
  }

  // Upstream's upsert of `model`; `ids`, when given, limits it to those source ids (delta).
  std::string upsert(const Model& model, const std::string& sourceCode, const std::vector<std::string>& ids = {}) const {
    std::string select;
    auto s = [](const std::string& column) { return quoteIdentifier("s") + "." + quoteIdentifier(column); };
    if (model.target == "inventory_source_item") {
      select = fmt::format("SELECT {}, {}, {}, {} FROM {} AS {} JOIN {} AS {} ON {}.{} = {} WHERE {} = 0", sourceCode,
                           s("qty"), s("is_in_stock"), quoteIdentifier("p") + "." + quoteIdentifier("sku"),
                           quoteIdentifier(table(model.source)), quoteIdentifier("s"),
                           quoteIdentifier(table("catalog_product_entity")), quoteIdentifier("p"), quoteIdentifier("p"),
                           quoteIdentifier("entity_id"), s("product_id"), s("website_id"));
    } else if (model.target == "inventory_stock_sales_channel") {
      select = fmt::format("SELECT 'website', {}, 1 FROM {} AS {} WHERE {} != 'admin'", s("code"),
                           quoteIdentifier(table(model.source)), quoteIdentifier("s"), s("code"));
    } else {
      select = fmt::format("SELECT {}, {} FROM {} AS {} WHERE 1 = 1", s("entity_id"), sourceCode,
                           quoteIdentifier(table(model.source)), quoteIdentifier("s"));
    }
    if (!ids.empty()) {
      std::vector<std::string> literals;
      for (const auto& id : ids) literals.push_back(destination_.literal(id, false));
      select += fmt::format(" AND {} IN ({})", s(model.idColumn), fmt::join(literals, ", "));
    }
    std::vector<std::string> names, updates;
    for (const auto& column : model.targetColumns) {
      names.push_back(quoteIdentifier(column));
      updates.push_back(fmt::format("{0} = VALUES({0})", quoteIdentifier(column)));
    }
    return fmt::format("INSERT INTO {} ({}) {} ON DUPLICATE KEY UPDATE {}", quoteIdentifier(table(model.target)),
                       fmt::join(names, ", "), select, fmt::join(updates, ", "));
  }

  // Upstream takes the first row of inventory_source; m2stage prefers `default` (the source
  // Magento 2 installs) and otherwise takes the first code in order. nullopt when there is none.
  std::optional<std::string> defaultSourceCode() {
    auto code = destination_.queryValue(fmt::format("SELECT {0} FROM {1} ORDER BY {0} = 'default' DESC, {0} LIMIT 1",
                                                    quoteIdentifier("source_code"),
                                                    quoteIdentifier(table("inventory_source"))));
    if (!code) return std::nullopt;
    return destination_.literal(*code, false);
  }

  // Whether Magento 2 has MSI: its inventory_source_item (upstream asks for the Magento_Inventory module).
  bool hasMsi() { return destinationHasTable(destination_, table("inventory_source_item")); }

 private:
  mariadb::Connection& destination_;
  std::string prefix_;
};

}  // namespace

InventoryStep::Result InventoryStep::load(mariadb::Connection& destination, stage::StageFile& stage,
                                          audit::AuditTrail& audit, std::int64_t run, const std::string& prefix) const {
  Result result;
  Statements statements(destination, prefix);
  if (!statements.hasMsi()) {
    spdlog::info("Inventory step: Magento 2 has no {} (Multi-Source Inventory is not installed); the stock items are "
                 "moved by the map step alone",
                 statements.table("inventory_source_item"));
    audit.record(run, "load.inventory", "", 0, "skipped: Magento 2 has no Multi-Source Inventory tables");
    return result;
  }
  result.ran = true;
  // Upserts need the unique keys checked (a bulk session turns UNIQUE_CHECKS off).
  destination.execute("SET SESSION UNIQUE_CHECKS=1");
  auto sourceCode = destinationHasTable(destination, statements.table("inventory_source"))
                        ? statements.defaultSourceCode()
                        : std::nullopt;
  std::vector<std::string> filled;
  std::vector<audit::Finding> findings;
  std::vector<std::string> checked;
  for (const auto& model : models()) {
    auto missing = statements.missing(model);
    if (!missing.empty()) {
      spdlog::warn("Inventory step: Magento 2 has no {}; {} is left alone", missing, statements.table(model.target));
      continue;
    }
    if (model.needsSourceCode && !sourceCode) {
      spdlog::warn("Inventory step: Magento 2's {} has no source; {} is left alone", statements.table("inventory_source"),
                   statements.table(model.target));
      continue;
    }
    destination.execute(statements.upsert(model, sourceCode.value_or("''")));
    std::int64_t rows = destinationRows(destination, statements.table(model.target));
    filled.push_back(fmt::format("{} ({} rows)", model.target, rows));
    if (model.target == "inventory_source_item") result.sourceItems = rows;
    else if (model.target == "inventory_stock_sales_channel") result.salesChannels = rows;
    else result.shipmentSources = rows;
    // Volume (upstream's Inventory\Volume): source items against stock items, shipment sources
    // against shipments; the sales channels are not counted.
    if (model.target == "inventory_stock_sales_channel") continue;
    checked.push_back(model.target);
    std::int64_t sourceRows = destinationRows(destination, statements.table(model.source));
    if (sourceRows != rows)
      findings.push_back({"volume_mismatch", "destination", model.target, "",
                          fmt::format("Mismatch of entities in the document: {} Source: {} Destination: {}",
                                      statements.table(model.target), sourceRows, rows),
                          audit::Severity::Error});
  }
  std::vector<std::pair<std::string, std::string>> checkedKinds;
  for (const auto& document : checked) checkedKinds.emplace_back(document, "volume_mismatch");
  LoadRecords(stage).replaceFindings(run, checkedKinds, findings);
  result.mismatches = static_cast<int>(findings.size());
  audit.record(run, "load.inventory", "", result.sourceItems,
               fmt::format("{} filled from the migrated tables, {}", fmt::join(filled, ", "),
                           findings.empty() ? "verified" : fmt::format("{} mismatches", findings.size())));
  spdlog::info("load: Inventory: {} source items, {} sales channels, {} shipment sources", result.sourceItems,
               result.salesChannels, result.shipmentSources);
  return result;
}

std::int64_t InventoryStep::refresh(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit,
                                    std::int64_t run, const std::string& prefix) const {
  Statements statements(destination, prefix);
  if (!statements.hasMsi()) return 0;
  destination.execute("SET SESSION UNIQUE_CHECKS=1");
  // Upstream's Inventory\Delta: changed stock items by product_id, changed shipments by entity_id.
  struct Source {
    const char* document;
    const char* column;
    const char* target;
  };
  static const std::vector<Source> sources = {{"cataloginventory_stock_item", "product_id", "inventory_source_item"},
                                              {"sales_flat_shipment", "entity_id", "inventory_shipment_source"}};
  std::optional<std::string> sourceCode;
  if (destinationHasTable(destination, statements.table("inventory_source")))
    sourceCode = statements.defaultSourceCode();
  if (!sourceCode) return 0;
  std::int64_t refreshed = 0;
  auto all = models();
  for (const auto& source : sources) {
    const Model* model = nullptr;
    for (const auto& candidate : all)
      if (candidate.target == source.target) model = &candidate;
    if (!statements.missing(*model).empty()) continue;
    std::vector<std::string> batch;
    std::int64_t ids = 0;
    auto flush = [&] {
      if (batch.empty()) return;
      destination.execute(statements.upsert(*model, *sourceCode, batch));
      ids += static_cast<std::int64_t>(batch.size());
      batch.clear();
    };
    forEachStagedValue(stage, run, source.document, source.column, [&](const std::string& id) {
      batch.push_back(id);
      if (batch.size() == kIdBatch) flush();
    });
    flush();
    if (!ids) continue;
    refreshed += ids;
    audit.record(run, "load.inventory.refresh", source.target, ids,
                 fmt::format("{} rows of {} changed {} upserted", source.target, ids, source.document));
  }
  if (refreshed) spdlog::info("load --delta: Inventory: source items and shipment sources of {} changed rows upserted", refreshed);
  return refreshed;
}

}  // namespace m2stage::load
