#include "load/TierPriceStep.hpp"

#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "audit/Finding.hpp"
#include "load/BatchInserter.hpp"
#include "load/LoadRecords.hpp"
#include "load/StepTables.hpp"
#include "schema/TablePrefix.hpp"
#include "stage/RowTable.hpp"

namespace m2stage::load {

namespace {

using mariadb::quoteIdentifier;

constexpr std::size_t kStatementBytes = 1 << 20;
constexpr std::size_t kExamples = 3;  // replaced pairs named in the finding

const std::vector<std::string> kKeyColumns = {"entity_id", "all_groups", "customer_group_id", "website_id"};

// Copies the current row's cells into `into`, one per column.
void readRow(SQLite::Statement& query, std::vector<schema::Value>& into) {
  into.resize(static_cast<std::size_t>(query.getColumnCount()));
  for (int index = 0; index < query.getColumnCount(); ++index)
    stage::RowTable::readCell(query, index, into[static_cast<std::size_t>(index)]);
}

std::string text(const schema::Value& value) { return value.value_or("NULL"); }

}  // namespace

const std::set<std::string>& TierPriceStep::stagedDocuments() {
  static const std::set<std::string> documents = {kTierDocument, kGroupDocument};
  return documents;
}

std::map<std::string, std::string> TierPriceStep::ownedDocuments() {
  return {{kTierDocument, "TierPrice"}, {kGroupDocument, "TierPrice"}};
}

TierPriceStep::Result TierPriceStep::load(mariadb::Connection& destination, stage::StageFile& stage,
                                          audit::AuditTrail& audit, std::int64_t run, const std::string& prefix) const {
  Result result;
  std::string table = schema::withPrefix(kTierDocument, prefix);
  if (!destinationHasTable(destination, table)) {
    spdlog::warn("TierPrice step: Magento 2 has no {}; tier and group prices are left alone", table);
    return result;
  }
  std::vector<std::string> tierColumns = kKeyColumns;
  tierColumns.insert(tierColumns.end(), {"qty", "value"});
  if (!hasStaged(stage, kTierDocument, tierColumns)) {
    spdlog::warn("TierPrice step: run {} staged no Magento 1 {}; {} is left alone", run, kTierDocument, table);
    return result;
  }
  std::vector<std::string> groupColumns = kKeyColumns;
  groupColumns.push_back("value");
  bool groups = hasStaged(stage, kGroupDocument, groupColumns);  // absent before Magento 1.7
  bool groupPercent = groups && hasStaged(stage, kGroupDocument, {"is_percent"});
  bool percentageColumn = destinationHasColumn(destination, table, "percentage_value");
  result.ran = true;

  // Group prices that will replace a qty-1 tier price (Magento 1 keys both tables without qty
  // clashes of their own, so these are the only rows the upsert merges).
  std::vector<std::string> examples;
  if (groups) {
    std::string on;
    for (const auto& column : kKeyColumns) on += fmt::format(" AND t.{0} = g.{0}", quoteIdentifier(column));
    SQLite::Statement query(stage.db(), fmt::format("SELECT g.entity_id, g.customer_group_id, g.all_groups, g.website_id, "
                                                    "t.value, g.value FROM {} g JOIN {} t ON t._run = g._run{} AND "
                                                    "CAST(t.qty AS REAL) = 1 WHERE g._run = ? ORDER BY g.rowid",
                                                    stagedTable(kGroupDocument), stagedTable(kTierDocument), on));
    query.bind(1, run);
    std::vector<schema::Value> row;
    while (query.executeStep()) {
      if (++result.replaced > static_cast<std::int64_t>(kExamples)) continue;
      readRow(query, row);
      examples.push_back(fmt::format("entity_id {} customer_group_id {} all_groups {} website_id {}: tier price {} -> "
                                     "group price {}",
                                     text(row[0]), text(row[1]), text(row[2]), text(row[3]), text(row[4]), text(row[5])));
    }
  }

  // Data: as upstream, the table is emptied, then the tier prices and the group prices upserted.
  // The bulk session's UNIQUE_CHECKS=0 is lifted: the upsert relies on the unique key.
  destination.execute("SET SESSION UNIQUE_CHECKS = 1");
  destination.execute("TRUNCATE TABLE " + quoteIdentifier(table));
  std::vector<std::string> columns = kKeyColumns;
  columns.insert(columns.end(), {"qty", "value"});
  if (percentageColumn) columns.push_back("percentage_value");
  BatchInserter inserter(destination, table, columns, std::vector<bool>(columns.size(), false), kStatementBytes, true);
  std::vector<schema::Value> row;
  {
    SQLite::Statement query(stage.db(), fmt::format("SELECT entity_id, all_groups, customer_group_id, website_id, qty, "
                                                    "value FROM {} WHERE _run = ? ORDER BY rowid",
                                                    stagedTable(kTierDocument)));
    query.bind(1, run);
    while (query.executeStep()) {
      readRow(query, row);
      if (percentageColumn) row.emplace_back(std::nullopt);
      inserter.add(row);
      ++result.tierPrices;
    }
  }
  if (groups) {
    SQLite::Statement query(stage.db(), fmt::format("SELECT entity_id, all_groups, customer_group_id, website_id, '1', "
                                                    "value, {} FROM {} WHERE _run = ? ORDER BY rowid",
                                                    groupPercent ? "CAST(is_percent AS INTEGER)" : "0",
                                                    stagedTable(kGroupDocument)));
    query.bind(1, run);
    while (query.executeStep()) {
      bool percent = query.getColumn(6).getInt() == 1;
      readRow(query, row);
      row.pop_back();  // is_percent: not a Magento 2 column
      if (percentageColumn) {
        // A percentage discount stays one: Magento 2 reads it from percentage_value.
        schema::Value percentage = percent ? row[5] : std::nullopt;
        row.push_back(std::move(percentage));
        if (percent) row[5] = "0";
      }
      if (percent) ++result.percentGroupPrices;
      inserter.add(row);
      ++result.groupPrices;
    }
  }
  inserter.flush();
  destination.execute("SET SESSION UNIQUE_CHECKS = 0");
  if (result.percentGroupPrices && !percentageColumn)
    spdlog::warn("TierPrice step: Magento 2's {} has no percentage_value column: {} percentage group prices are written "
                 "as fixed prices (as upstream)",
                 table, result.percentGroupPrices);

  // Volume: one Magento 2 row per Magento 1 row, less the tier prices a group price replaced
  // (upstream counts the unique keys the same way).
  std::int64_t expected = result.tierPrices + result.groupPrices - result.replaced;
  result.rows = destinationRows(destination, table);
  std::vector<audit::Finding> findings;
  if (result.rows != expected)
    findings.push_back({"volume_mismatch", "destination", kTierDocument, "",
                        fmt::format("Mismatch of amount of entities in documents: {} Source: {} Destination: {}",
                                    kTierDocument, expected, result.rows),
                        audit::Severity::Error});
  if (result.replaced)
    findings.push_back({kTierPriceReplaced, "source", kGroupDocument, "",
                        fmt::format("{} group prices replace a qty-1 tier price of the same product, customer group "
                                    "and website in Magento 2 (the group price wins, as upstream); {}{}",
                                    result.replaced, fmt::join(examples, "; "),
                                    result.replaced > static_cast<std::int64_t>(examples.size()) ? "; ..." : ""),
                        audit::Severity::Warning});
  LoadRecords(stage).replaceFindings(run, {{kTierDocument, "volume_mismatch"}, {kGroupDocument, kTierPriceReplaced}},
                                     findings);
  result.mismatches = result.rows == expected ? 0 : 1;
  audit.record(run, "load.tier_price", kTierDocument, result.rows,
               fmt::format("{} tier prices and {} group prices (qty 1; {} percentages) into {}, {} group prices "
                           "replaced a qty-1 tier price, {}",
                           result.tierPrices, result.groupPrices, result.percentGroupPrices, table, result.replaced,
                           result.mismatches ? "1 mismatch" : "verified"));
  spdlog::info("load: TierPrice: {} tier prices and {} group prices into {} ({} rows)", result.tierPrices,
               result.groupPrices, table, result.rows);
  return result;
}

}  // namespace m2stage::load
