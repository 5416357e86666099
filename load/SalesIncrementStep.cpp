#include "load/SalesIncrementStep.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/Finding.hpp"
#include "load/LoadRecords.hpp"
#include "load/StepTables.hpp"
#include "schema/TablePrefix.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"

namespace m2stage::load {

namespace {

using mariadb::quoteIdentifier;

// The Magento 1 sales entity tables whose increment ids Magento 2 keys per store.
const std::vector<std::string>& entityDocuments() {
  static const std::vector<std::string> documents = {"sales_flat_order", "sales_flat_invoice", "sales_flat_shipment",
                                                     "sales_flat_creditmemo"};
  return documents;
}

schema::Value cell(SQLite::Statement& statement, int index) {
  auto column = statement.getColumn(index);
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

}  // namespace

const std::set<std::string>& SalesIncrementStep::stagedDocuments() {
  static const std::set<std::string> documents = {"eav_entity_store",   "eav_entity_type",    "core_store",
                                                  "sales_flat_order",   "sales_flat_invoice", "sales_flat_shipment",
                                                  "sales_flat_creditmemo"};
  return documents;
}

std::vector<schema::SequencePlan> SalesIncrementStep::plan(stage::StageFile& stage, std::int64_t run) {
  if (!hasStaged(stage, "eav_entity_store", {"entity_type_id", "store_id", "increment_prefix", "increment_last_id"}) ||
      !hasStaged(stage, "eav_entity_type", {"entity_type_id", "entity_type_code"}))
    return {};
  bool perStoreKnown = hasStaged(stage, "eav_entity_type", {"increment_per_store"});
  // eav_entity_type and core_store as the full run staged them (a delta run holds only changes).
  std::int64_t lookupRun = stage::Runs(stage).lookupRun(run);
  std::vector<schema::EntityStoreRow> rows;
  std::set<std::string> sharedTypes;
  std::set<std::int64_t> stores;
  {
    SQLite::Statement query(stage.db(), fmt::format("SELECT t.entity_type_code, s.store_id, s.increment_prefix, "
                                                    "s.increment_last_id FROM {} s JOIN {} t ON t.entity_type_id = "
                                                    "s.entity_type_id AND t._run = ?2 WHERE s._run = ?1 AND s._op <> 'delete' "
                                                    "ORDER BY s.entity_store_id, s.rowid",
                                                    stagedTable("eav_entity_store"), stagedTable("eav_entity_type")));
    query.bind(1, run);
    query.bind(2, lookupRun);
    while (query.executeStep()) {
      rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt64(), cell(query, 2), cell(query, 3)});
      stores.insert(rows.back().storeId);
    }
  }
  if (perStoreKnown) {
    SQLite::Statement query(stage.db(), fmt::format("SELECT entity_type_code FROM {} WHERE _run = ? AND "
                                                    "CAST(increment_per_store AS INTEGER) = 0",
                                                    stagedTable("eav_entity_type")));
    query.bind(1, lookupRun);
    while (query.executeStep()) sharedTypes.insert(query.getColumn(0).getString());
  }
  // Every Magento 1 store (0, the admin store, included), or those eav_entity_store names.
  if (hasStaged(stage, "core_store", {"store_id"})) {
    SQLite::Statement query(stage.db(), fmt::format("SELECT store_id FROM {} WHERE _run = ?", stagedTable("core_store")));
    query.bind(1, lookupRun);
    while (query.executeStep()) stores.insert(query.getColumn(0).getInt64());
  }
  return schema::planSequences(stores, rows, sharedTypes);
}

std::size_t SalesIncrementStep::reportDuplicates(stage::StageFile& stage, std::int64_t run, const std::string& step) {
  std::vector<audit::Finding> findings;
  // SQLite sorts in memory up to the page cache's size (16 MiB): every staged order's key, so
  // memory grew with the orders. With a 2 MiB cache (and the sorter minimum set in main) it sorts
  // in runs on disk.
  struct SmallCache {  // for the check only, however it ends
    stage::StageFile& file;
    explicit SmallCache(stage::StageFile& stageFile) : file(stageFile) { file.setCacheSize(2048); }
    ~SmallCache() { file.setCacheSize(stage::StageFile::kCacheKib); }
  };
  for (SmallCache smallCache(stage); const auto& document : entityDocuments()) {
    if (!hasStaged(stage, document, {"entity_id", "store_id", "increment_id"})) continue;
    // One pass finds the keys that occur twice (usually none); only then a second reads their rows.
    std::string duplicateKeys = fmt::format("SELECT store_id, increment_id FROM {} WHERE _run = ?1 AND increment_id IS NOT "
                                            "NULL GROUP BY store_id, increment_id HAVING COUNT(*) > 1",
                                            stagedTable(document));
    SQLite::Statement any(stage.db(), duplicateKeys + " LIMIT 1");
    any.bind(1, run);
    if (!any.executeStep()) continue;
    SQLite::Statement query(stage.db(), fmt::format("SELECT o.entity_id, o.store_id, o.increment_id FROM {} o JOIN ({}) d "
                                                    "ON o.store_id IS d.store_id AND o.increment_id = d.increment_id "
                                                    "WHERE o._run = ?1 ORDER BY o.rowid",
                                                    stagedTable(document), duplicateKeys));
    query.bind(1, run);
    std::vector<schema::IncrementRow> rows;
    while (query.executeStep()) rows.push_back({query.getColumn(0).getString(), cell(query, 1), cell(query, 2)});
    for (const auto& duplicate : schema::findDuplicateIncrements(document, rows))
      findings.push_back({kDuplicateIncrementId, "source", document, "increment_id", duplicate.message(),
                          audit::Severity::Warning});
  }
  SQLite::Transaction transaction(stage.db(), SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement clear(stage.db(), "DELETE FROM finding WHERE run_id = ? AND step = ? AND kind = ?");
  clear.bind(1, run);
  clear.bind(2, step);
  clear.bind(3, kDuplicateIncrementId);
  clear.exec();
  audit::appendFindings(stage, run, step, findings);
  transaction.commit();
  for (const auto& finding : findings) spdlog::warn("{}", finding.message);
  return findings.size();
}

SalesIncrementStep::Result SalesIncrementStep::load(mariadb::Connection& destination, stage::StageFile& stage,
                                                    audit::AuditTrail& audit, std::int64_t run,
                                                    const std::string& prefix) const {
  Result result;
  std::string meta = schema::withPrefix("sales_sequence_meta", prefix);
  std::string profile = schema::withPrefix("sales_sequence_profile", prefix);
  if (!destinationHasTable(destination, meta) || !destinationHasTable(destination, profile)) {
    spdlog::warn("SalesIncrement step: Magento 2 has no {} or {}; the sequence tables are left alone", meta, profile);
    return result;
  }
  auto plans = plan(stage, run);
  if (plans.empty()) {
    spdlog::warn("SalesIncrement step: run {} staged no Magento 1 eav_entity_store/eav_entity_type; the sequence tables "
                 "are left alone",
                 run);
    return result;
  }
  result.ran = true;
  result.duplicates = reportDuplicates(stage, run, "transform");
  for (const auto& plan : plans)
    if (!plan.problem.empty()) spdlog::warn("SalesIncrement step: {}", plan.problem);

  // Data: as upstream, the meta and profile rows are rewritten and each sequence table recreated.
  destination.execute("DELETE FROM " + quoteIdentifier(profile));
  destination.execute("DELETE FROM " + quoteIdentifier(meta));
  for (const auto& plan : plans) {
    std::string table = schema::withPrefix(plan.table, prefix);
    destination.execute("DROP TABLE IF EXISTS " + quoteIdentifier(table));
    destination.execute(fmt::format("CREATE TABLE {} ({} int unsigned NOT NULL AUTO_INCREMENT, PRIMARY KEY ({})) "
                                    "ENGINE=InnoDB DEFAULT CHARSET=utf8mb3",
                                    quoteIdentifier(table), quoteIdentifier("sequence_value"),
                                    quoteIdentifier("sequence_value")));
    if (plan.last > 0)
      destination.execute(fmt::format("INSERT INTO {} ({}) VALUES ({})", quoteIdentifier(table),
                                      quoteIdentifier("sequence_value"), plan.last));
    destination.execute(fmt::format("INSERT INTO {} ({}, {}, {}) VALUES ({}, {}, {})", quoteIdentifier(meta),
                                    quoteIdentifier("entity_type"), quoteIdentifier("store_id"),
                                    quoteIdentifier("sequence_table"), destination.literal(plan.type, false),
                                    plan.storeId, destination.literal(table, false)));
    destination.execute(fmt::format(
        "INSERT INTO {} ({}, {}, {}, {}, {}, {}, {}) VALUES (LAST_INSERT_ID(), {}, {}, {}, {}, {}, 1)",
        quoteIdentifier(profile), quoteIdentifier("meta_id"), quoteIdentifier("prefix"), quoteIdentifier("start_value"),
        quoteIdentifier("step"), quoteIdentifier("max_value"), quoteIdentifier("warning_value"),
        quoteIdentifier("is_active"), destination.literal(plan.prefix(), false), schema::kSequenceStart,
        schema::kSequenceStep, schema::kSequenceMax, schema::kSequenceWarning));
    ++result.sequences;
  }

  // Volume: each sequence table's last value is Magento 1's last number (official wording).
  std::vector<audit::Finding> findings;
  for (const auto& plan : plans) {
    std::string table = schema::withPrefix(plan.table, prefix);
    auto last = destination.queryValue(fmt::format("SELECT COALESCE(MAX({}), 0) FROM {}", quoteIdentifier("sequence_value"),
                                                   quoteIdentifier(table)));
    auto metaRows = destination.queryValue(fmt::format(
        "SELECT COUNT(*) FROM {} m JOIN {} p ON p.{} = m.{} WHERE m.{} = {} AND m.{} = {}", quoteIdentifier(meta),
        quoteIdentifier(profile), quoteIdentifier("meta_id"), quoteIdentifier("meta_id"), quoteIdentifier("entity_type"),
        destination.literal(plan.type, false), quoteIdentifier("store_id"), plan.storeId));
    if (last != std::to_string(plan.last) || metaRows != "1")
      findings.push_back({"volume_mismatch", "destination", plan.table, "",
                          fmt::format("Mismatch in last increment id of {} entity: Source: {} Destination: {}{}",
                                      plan.table, plan.last, last.value_or("NULL"),
                                      metaRows == "1" ? "" : " (no sales_sequence_meta/_profile row)"),
                          audit::Severity::Error});
  }
  std::vector<std::pair<std::string, std::string>> checked;
  for (const auto& plan : plans) checked.emplace_back(plan.table, "volume_mismatch");
  LoadRecords(stage).replaceFindings(run, checked, findings);
  result.mismatches = static_cast<int>(findings.size());
  audit.record(run, "load.sales_increment", "sales_sequence_meta", result.sequences,
               fmt::format("{} sequence tables (next numbers after Magento 1's last), {} duplicate increment ids, {}",
                           result.sequences, result.duplicates,
                           findings.empty() ? "verified" : fmt::format("{} mismatches", findings.size())));
  spdlog::info("load: SalesIncrement: {} sequence tables, {} duplicate increment ids in Magento 1", result.sequences,
               result.duplicates);
  return result;
}

SalesIncrementStep::Result SalesIncrementStep::raise(mariadb::Connection& destination, stage::StageFile& stage,
                                                     audit::AuditTrail& audit, std::int64_t run,
                                                     const std::string& prefix) const {
  Result result;
  auto plans = plan(stage, run);
  if (plans.empty() && hasStaged(stage, "eav_entity_store", {"entity_type_id"})) {
    // The run changed counters, but the full run's eav_entity_type is gone (pruned): raising
    // nothing would let Magento 2 reuse numbers, so stop instead.
    SQLite::Statement changed(stage.db(), fmt::format("SELECT COUNT(*) FROM {} WHERE _run = ?", stagedTable("eav_entity_store")));
    changed.bind(1, run);
    changed.executeStep();
    if (changed.getColumn(0).getInt64() > 0)
      throw stage::StageError(fmt::format("{}: delta run {} changed Magento 1's increment counters, but the full run "
                                          "before it has no staged eav_entity_type (pruned?); the sequences cannot be "
                                          "raised: run a new full extract and load",
                                          stage.path().string(), run));
  }
  // Only the sequences whose Magento 1 counter the run changed: a store without a changed row
  // plans last = 0, which raises nothing. A key staged twice (a pass completed by the next) keeps
  // its later copy.
  for (const auto& plan : plans) {
    if (plan.last == 0) continue;
    std::string table = schema::withPrefix(plan.table, prefix);
    if (!destinationHasTable(destination, table)) {
      spdlog::warn("SalesIncrement delta: Magento 2 has no {}; run the full load (its SalesIncrement step) first", table);
      continue;
    }
    // Raise only: Magento 2 may have taken numbers of its own meanwhile.
    auto raised = destination.execute(fmt::format("INSERT INTO {0} ({1}) SELECT {2} FROM DUAL WHERE {2} > (SELECT "
                                                  "COALESCE(MAX({1}), 0) FROM {0} AS current_sequence)",
                                                  quoteIdentifier(table), quoteIdentifier("sequence_value"), plan.last));
    result.sequences += raised == 1 ? 1 : 0;
  }
  result.ran = true;
  audit.record(run, "load.sales_increment.delta", "sales_sequence_meta", result.sequences,
               "sequence tables raised to Magento 1's last increment number");
  return result;
}

}  // namespace m2stage::load
