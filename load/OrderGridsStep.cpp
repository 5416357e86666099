#include "load/OrderGridsStep.hpp"

#include <algorithm>
#include <map>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "audit/Finding.hpp"
#include "load/LoadRecords.hpp"
#include "load/StepTables.hpp"
#include "schema/DocumentGroups.hpp"
#include "schema/TablePrefix.hpp"
#include "stage/RowTable.hpp"

namespace m2stage::load {

namespace {

using mariadb::quoteIdentifier;
constexpr std::size_t kIdBatch = 1000;

std::string col(const std::string& alias, const std::string& column) {
  return quoteIdentifier(alias) + "." + quoteIdentifier(column);
}
// Magento 2's grid indexers: "first last", and "street, city, region, postcode".
std::string nameOf(const std::string& alias, const std::string& first = "firstname", const std::string& last = "lastname") {
  return fmt::format("TRIM(CONCAT(IFNULL({}, ''), ' ', IFNULL({}, '')))", col(alias, first), col(alias, last));
}
std::string addressOf(const std::string& alias) {
  return fmt::format("TRIM(CONCAT(IFNULL({}, ''), ', ', IFNULL({}, ''), ', ', IFNULL({}, ''), ', ', IFNULL({}, '')))",
                     col(alias, "street"), col(alias, "city"), col(alias, "region"), col(alias, "postcode"));
}

struct Join {
  std::string table, alias, on;
};

// One grid: its rows are the sales table's rows (alias `m`), joined to the order (`o`), its
// billing (`b`) and shipping (`s`) address and its payment (`p`).
struct Grid {
  std::string grid, entity;
  std::vector<Join> joins;
  std::vector<std::pair<std::string, std::string>> columns;  // grid column, expression
};

std::string addressJoinOn(const std::string& alias, const std::string& addressId) {
  return fmt::format("{} = {}", col(alias, "entity_id"), col("m", addressId));
}

std::vector<Join> entityJoins() {
  return {{"sales_order", "o", fmt::format("{} = {}", col("o", "entity_id"), col("m", "order_id"))},
          {"sales_order_address", "b", addressJoinOn("b", "billing_address_id")},
          {"sales_order_address", "s", addressJoinOn("s", "shipping_address_id")},
          {"sales_order_payment", "p", fmt::format("{} = {}", col("p", "parent_id"), col("m", "order_id"))}};
}

const std::vector<Grid>& grids() {
  static const std::vector<Grid> all = [] {
    std::string customerName = nameOf("o", "customer_firstname", "customer_lastname");
    std::vector<Grid> list;
    list.push_back(
        {"sales_order_grid",
         "sales_order",
         {{"sales_order_address", "b",
           fmt::format("{} = {} AND {} = 'billing'", col("b", "parent_id"), col("m", "entity_id"), col("b", "address_type"))},
          {"sales_order_address", "s",
           fmt::format("{} = {} AND {} = 'shipping'", col("s", "parent_id"), col("m", "entity_id"), col("s", "address_type"))},
          {"sales_order_payment", "p", fmt::format("{} = {}", col("p", "parent_id"), col("m", "entity_id"))}},
         {{"entity_id", col("m", "entity_id")},
          {"status", col("m", "status")},
          {"store_id", col("m", "store_id")},
          {"store_name", col("m", "store_name")},
          {"customer_id", col("m", "customer_id")},
          {"base_grand_total", col("m", "base_grand_total")},
          {"base_total_paid", col("m", "base_total_paid")},
          {"grand_total", col("m", "grand_total")},
          {"total_paid", col("m", "total_paid")},
          {"increment_id", col("m", "increment_id")},
          {"base_currency_code", col("m", "base_currency_code")},
          {"order_currency_code", col("m", "order_currency_code")},
          {"shipping_name", nameOf("s")},
          {"billing_name", nameOf("b")},
          {"created_at", col("m", "created_at")},
          {"updated_at", col("m", "updated_at")},
          {"billing_address", addressOf("b")},
          {"shipping_address", addressOf("s")},
          {"shipping_information", col("m", "shipping_description")},
          {"customer_email", col("m", "customer_email")},
          {"customer_group", col("m", "customer_group_id")},
          {"subtotal", col("m", "base_subtotal")},
          {"shipping_and_handling", col("m", "base_shipping_amount")},
          {"customer_name", nameOf("m", "customer_firstname", "customer_lastname")},
          {"payment_method", col("p", "method")},
          {"total_refunded", col("m", "total_refunded")}}});
    list.push_back({"sales_invoice_grid",
                    "sales_invoice",
                    entityJoins(),
                    {{"entity_id", col("m", "entity_id")},
                     {"increment_id", col("m", "increment_id")},
                     {"state", col("m", "state")},
                     {"store_id", col("m", "store_id")},
                     {"store_name", col("o", "store_name")},
                     {"order_id", col("m", "order_id")},
                     {"order_increment_id", col("o", "increment_id")},
                     {"order_created_at", col("o", "created_at")},
                     {"customer_name", customerName},
                     {"customer_email", col("o", "customer_email")},
                     {"customer_group_id", col("o", "customer_group_id")},
                     {"payment_method", col("p", "method")},
                     {"store_currency_code", col("m", "store_currency_code")},
                     {"order_currency_code", col("m", "order_currency_code")},
                     {"base_currency_code", col("m", "base_currency_code")},
                     {"global_currency_code", col("m", "global_currency_code")},
                     {"billing_name", nameOf("b")},
                     {"billing_address", addressOf("b")},
                     {"shipping_address", addressOf("s")},
                     {"shipping_information", col("o", "shipping_description")},
                     {"subtotal", col("m", "subtotal")},
                     {"shipping_and_handling", col("m", "shipping_amount")},
                     {"grand_total", col("m", "grand_total")},
                     {"base_grand_total", col("m", "base_grand_total")},
                     {"created_at", col("m", "created_at")},
                     {"updated_at", col("m", "updated_at")}}});
    list.push_back({"sales_shipment_grid",
                    "sales_shipment",
                    entityJoins(),
                    {{"entity_id", col("m", "entity_id")},
                     {"increment_id", col("m", "increment_id")},
                     {"store_id", col("m", "store_id")},
                     {"order_increment_id", fmt::format("IFNULL({}, '')", col("o", "increment_id"))},
                     {"order_id", col("m", "order_id")},
                     {"order_created_at", col("o", "created_at")},
                     {"customer_name", customerName},
                     {"total_qty", col("m", "total_qty")},
                     {"shipment_status", col("m", "shipment_status")},
                     {"order_status", col("o", "status")},
                     {"billing_address", addressOf("b")},
                     {"shipping_address", addressOf("s")},
                     {"billing_name", nameOf("b")},
                     {"shipping_name", nameOf("s")},
                     {"customer_email", col("o", "customer_email")},
                     {"customer_group_id", col("o", "customer_group_id")},
                     {"payment_method", col("p", "method")},
                     {"shipping_information", col("o", "shipping_description")},
                     {"created_at", col("m", "created_at")},
                     {"updated_at", col("m", "updated_at")}}});
    list.push_back({"sales_creditmemo_grid",
                    "sales_creditmemo",
                    entityJoins(),
                    {{"entity_id", col("m", "entity_id")},
                     {"increment_id", col("m", "increment_id")},
                     {"created_at", col("m", "created_at")},
                     {"updated_at", col("m", "updated_at")},
                     {"order_id", col("m", "order_id")},
                     {"order_increment_id", col("o", "increment_id")},
                     {"order_created_at", col("o", "created_at")},
                     {"billing_name", nameOf("b")},
                     {"state", col("m", "state")},
                     {"base_grand_total", col("m", "base_grand_total")},
                     {"order_status", col("o", "status")},
                     {"store_id", col("m", "store_id")},
                     {"billing_address", addressOf("b")},
                     {"shipping_address", addressOf("s")},
                     {"customer_name", customerName},
                     {"customer_email", col("o", "customer_email")},
                     {"customer_group_id", col("o", "customer_group_id")},
                     {"payment_method", col("p", "method")},
                     {"shipping_information", col("o", "shipping_description")},
                     {"subtotal", col("m", "subtotal")},
                     {"shipping_and_handling", col("m", "shipping_amount")},
                     {"adjustment_positive", col("m", "adjustment_positive")},
                     {"adjustment_negative", col("m", "adjustment_negative")},
                     {"order_base_grand_total", col("o", "base_grand_total")}}});
    return list;
  }();
  return all;
}

// The INSERT ... SELECT of a grid over the columns the destination grid has; `ids`, when given,
// limits it to those entities.
class GridStatement {
 public:
  GridStatement(mariadb::Connection& destination, const Grid& grid, const std::string& prefix)
      : destination_(destination), grid_(grid), prefix_(prefix) {
    auto present = destinationColumns(destination, table(grid.grid));
    std::vector<std::string> needed = {grid.entity};
    for (const auto& join : grid.joins) needed.push_back(join.table);
    for (const auto& name : needed)
      if (!destinationHasTable(destination, table(name))) missing_.push_back(table(name));
    if (present.empty()) missing_.push_back(table(grid.grid));
    for (const auto& column : grid.columns)
      if (present.contains(column.first)) columns_.push_back(&column);
  }
  const std::vector<std::string>& missing() const { return missing_; }
  std::string table(const std::string& name) const { return schema::withPrefix(name, prefix_); }

  std::string insert(const std::vector<std::string>& ids) const {
    std::vector<std::string> names, expressions, updates;
    for (const auto* column : columns_) {
      names.push_back(quoteIdentifier(column->first));
      expressions.push_back(column->second);
      updates.push_back(fmt::format("{0} = VALUES({0})", quoteIdentifier(column->first)));
    }
    std::string joins;
    for (const auto& join : grid_.joins)
      joins += fmt::format(" LEFT JOIN {} AS {} ON {}", quoteIdentifier(table(join.table)), quoteIdentifier(join.alias), join.on);
    // Several payments or addresses of one kind give one grid row (the last one read).
    return fmt::format("INSERT INTO {} ({}) SELECT {} FROM {} AS {}{}{} ON DUPLICATE KEY UPDATE {}",
                       quoteIdentifier(table(grid_.grid)), fmt::join(names, ", "), fmt::join(expressions, ", "),
                       quoteIdentifier(table(grid_.entity)), quoteIdentifier("m"), joins, where(ids),
                       fmt::join(updates, ", "));
  }
  std::string where(const std::vector<std::string>& ids, const std::string& alias = "m") const {
    if (ids.empty()) return "";
    std::vector<std::string> literals;
    for (const auto& id : ids) literals.push_back(destination_.literal(id, false));
    return fmt::format(" WHERE {} IN ({})", alias.empty() ? quoteIdentifier("entity_id") : col(alias, "entity_id"),
                       fmt::join(literals, ", "));
  }

 private:
  mariadb::Connection& destination_;
  const Grid& grid_;
  std::string prefix_;
  std::vector<const std::pair<std::string, std::string>*> columns_;
  std::vector<std::string> missing_;
};

}  // namespace

OrderGridsStep OrderGridsStep::forConfig(const schema::Config& config) {
  std::set<std::string> documents;
  auto path = config.fileOption("order_grids_document_groups_file");
  if (!path.empty()) {
    for (const auto& document : schema::DocumentGroups::load(path).group("source_documents")) documents.insert(document.name);
  } else {
    documents = {"sales_flat_order",    "sales_flat_order_address", "sales_flat_invoice",
                 "sales_flat_shipment", "sales_flat_creditmemo",    "sales_flat_order_payment"};
  }
  return OrderGridsStep(std::move(documents));
}

bool OrderGridsStep::configured(const schema::Config& config) {
  return !config.option("order_grids_document_groups_file").empty();
}

std::optional<OrderGridsStep> OrderGridsStep::forPlan(const schema::Config& config, const schema::StepPlan& plan) {
  if (plan.mode == "settings" || !plan.orderGrids || (!plan.listed && !configured(config))) return std::nullopt;
  return forConfig(config);
}

OrderGridsStep::Result OrderGridsStep::rebuild(mariadb::Connection& destination, stage::StageFile& stage,
                                               audit::AuditTrail& audit, std::int64_t run,
                                               const std::string& prefix) const {
  Result result;
  std::vector<audit::Finding> findings;
  std::vector<std::string> rebuilt;
  for (const auto& grid : grids()) {
    GridStatement statement(destination, grid, prefix);
    if (!statement.missing().empty()) {
      spdlog::warn("OrderGrids step: Magento 2 has no {}; {} is left alone", fmt::join(statement.missing(), ", "),
                   statement.table(grid.grid));
      continue;
    }
    std::string gridTable = statement.table(grid.grid);
    destination.execute("TRUNCATE TABLE " + quoteIdentifier(gridTable));
    destination.execute(statement.insert({}));
    auto rows = destinationRows(destination, gridTable);
    auto entities = destinationRows(destination, statement.table(grid.entity));
    result.rows += rows;
    ++result.grids;
    rebuilt.push_back(grid.grid);
    if (rows != entities)
      findings.push_back({"volume_mismatch", "destination", grid.grid, "",
                          fmt::format("Mismatch of entities in the document: {} Source: {} Destination: {}", grid.grid,
                                      entities, rows),
                          audit::Severity::Error});
  }
  std::vector<std::pair<std::string, std::string>> checked;
  for (const auto& grid : rebuilt) checked.emplace_back(grid, "volume_mismatch");
  LoadRecords(stage).replaceFindings(run, checked, findings);
  result.mismatches = static_cast<int>(findings.size());
  audit.record(run, "load.order_grids", "", result.rows,
               fmt::format("{} rebuilt from the sales tables, {}", fmt::join(rebuilt, ", "),
                           findings.empty() ? "verified" : fmt::format("{} mismatches", findings.size())));
  spdlog::info("load: OrderGrids: {} rows in {} grids", result.rows, result.grids);
  return result;
}

std::int64_t OrderGridsStep::refresh(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit,
                                     std::int64_t run, const std::string& prefix) const {
  // The changed entities of the delta run, by the Magento 2 sales table they are rows of.
  struct Source {
    const char* document;
    const char* column;
    const char* entity;
  };
  static const std::vector<Source> sources = {{"sales_flat_order", "entity_id", "sales_order"},
                                              {"sales_flat_order_address", "parent_id", "sales_order"},
                                              {"sales_flat_order_payment", "parent_id", "sales_order"},
                                              {"sales_flat_invoice", "entity_id", "sales_invoice"},
                                              {"sales_flat_shipment", "entity_id", "sales_shipment"},
                                              {"sales_flat_creditmemo", "entity_id", "sales_creditmemo"}};
  std::map<std::string, std::set<std::string>> changed;
  for (const auto& source : sources) {
    if (!sourceDocuments_.contains(source.document)) continue;
    forEachStagedValue(stage, run, source.document, source.column,
                       [&](const std::string& id) { changed[source.entity].insert(id); });
  }
  if (changed.empty()) return 0;
  // A changed order changes the grid rows of its invoices, shipments and credit memos too.
  if (changed.contains("sales_order")) {
    std::vector<std::string> orders(changed["sales_order"].begin(), changed["sales_order"].end());
    for (const char* entity : {"sales_invoice", "sales_shipment", "sales_creditmemo"}) {
      std::string table = schema::withPrefix(entity, prefix);
      if (!destinationHasTable(destination, table)) continue;
      for (std::size_t start = 0; start < orders.size(); start += kIdBatch) {
        std::vector<std::string> literals;
        for (std::size_t i = start; i < std::min(orders.size(), start + kIdBatch); ++i)
          literals.push_back(destination.literal(orders[i], false));
        for (auto& row : destination.query(fmt::format("SELECT {} FROM {} WHERE {} IN ({})", quoteIdentifier("entity_id"),
                                                       quoteIdentifier(table), quoteIdentifier("order_id"),
                                                       fmt::join(literals, ", "))))
          if (row[0]) changed[entity].insert(*row[0]);
      }
    }
  }
  std::int64_t written = 0;
  for (const auto& grid : grids()) {
    auto found = changed.find(grid.entity);
    if (found == changed.end()) continue;
    GridStatement statement(destination, grid, prefix);
    if (!statement.missing().empty()) continue;
    std::vector<std::string> ids(found->second.begin(), found->second.end());
    for (std::size_t start = 0; start < ids.size(); start += kIdBatch) {
      std::vector<std::string> batch(ids.begin() + static_cast<std::ptrdiff_t>(start),
                                     ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + kIdBatch)));
      destination.execute("START TRANSACTION");
      destination.execute(fmt::format("DELETE FROM {}{}", quoteIdentifier(statement.table(grid.grid)), statement.where(batch, "")));
      destination.execute(statement.insert(batch));
      destination.execute("COMMIT");
    }
    written += static_cast<std::int64_t>(ids.size());
    audit.record(run, "load.order_grids.refresh", grid.grid, static_cast<std::int64_t>(ids.size()),
                 fmt::format("grid rows of {} changed {} rows rebuilt", ids.size(), grid.entity));
  }
  spdlog::info("load --delta: OrderGrids: grid rows of {} changed entities rebuilt", written);
  return written;
}

}  // namespace m2stage::load
