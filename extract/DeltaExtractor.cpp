#include "extract/DeltaExtractor.hpp"

#include <algorithm>
#include <chrono>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "extract/ChangeLogNames.hpp"
#include "extract/CustomerDeltaScope.hpp"
#include "mariadb/Catalog.hpp"
#include "mariadb/Connection.hpp"
#include "schema/DocumentGroups.hpp"
#include "schema/TablePrefix.hpp"
#include "schema/XmlFile.hpp"
#include "stage/ChunkWriter.hpp"
#include "stage/Interrupt.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"

namespace m2stage::extract {

namespace {

constexpr const char* kStep = "extract";
constexpr std::size_t kBatchRows = 2000;
using schema::Side;

std::string quotedList(const std::vector<std::string>& names, const std::string& qualifier = "") {
  std::string list;
  for (const auto& name : names) list += (list.empty() ? "" : ", ") + qualifier + mariadb::quoteIdentifier(name);
  return list;
}

// "(`a` = 1 AND `b` = 'x') OR (...)" for a batch of keys.
std::string keyCondition(mariadb::Connection& connection, const std::vector<std::string>& keyColumns,
                         const std::vector<mariadb::Row>& keys) {
  std::string condition;
  for (const auto& key : keys) {
    std::string term;
    for (std::size_t i = 0; i < keyColumns.size(); ++i) {
      term += (i ? " AND " : "") + mariadb::quoteIdentifier(keyColumns[i]) + " <=> " + connection.utf8Literal(key[i], false);
    }
    condition += (condition.empty() ? "(" : " OR (") + term + ")";
  }
  return condition;
}

// The delta run an earlier pass left unfinished (killed, or stopped by an error), if any. Its
// committed chunks are valid changes whose change-log rows may already be marked processed and
// purged, so the next pass completes that run instead of starting another: otherwise load, which
// waits for a finished extract, would never apply them.
std::int64_t unfinishedDeltaRun(stage::Runs& runs) {
  auto latest = runs.latest("delta", "delta");
  if (latest && runs.stepState(latest->id, kStep) != "done") return latest->id;
  return 0;
}

}  // namespace

std::int64_t DeltaPassResult::changes() const {
  std::int64_t total = 0;
  for (const auto& [document, count] : upserts) total += count;
  for (const auto& [document, count] : deletes) total += count;
  return total;
}

DeltaExtractor::DeltaExtractor(const schema::Config& config, const schema::MapRules& map, stage::StageFile& stage,
                               audit::AuditTrail& audit, std::set<std::string> stepDocuments,
                               const schema::CustomerAttributes* customer)
    : config_(config), map_(map), stage_(stage), audit_(audit), stepDocuments_(std::move(stepDocuments)),
      customer_(customer) {}

DeltaPassResult DeltaExtractor::pass() {
  auto groupsFile = config_.fileOption("delta_document_groups_file");
  if (groupsFile.empty())
    throw schema::InputError(fmt::format("{}: delta needs <delta_document_groups_file> (the tables to follow)",
                                         config_.file().string()));
  auto groups = schema::DocumentGroups::load(groupsFile);
  const auto& settings = config_.database(Side::Source);
  mariadb::Connection source(settings, config_.initStatements(Side::Source));
  // Each batch sees the latest committed rows; its change-log rows are locked until it is marked.
  source.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
  auto catalog = mariadb::readCatalog(source);

  stage::Runs runs(stage_);
  DeltaPassResult result;
  result.run = unfinishedDeltaRun(runs);
  if (result.run) spdlog::info("delta: completing run {}, which an earlier pass left unfinished", result.run);
  auto started = std::chrono::steady_clock::now();
  try {
    readChangeLogs(groups, groupsFile, source, catalog, runs, result);
  } catch (const stage::Interrupted&) {
    // Every staged batch is whole: what this pass staged can be loaded now.
    if (result.run) {
      completeCustomers(source, catalog, runs, result);
      finish(runs, result, started);
    }
    throw;
  }
  if (result.run) {
    completeCustomers(source, catalog, runs, result);
    finish(runs, result, started);
  }
  return result;
}

void DeltaExtractor::readChangeLogs(const schema::DocumentGroups& groups, const std::filesystem::path& groupsFile,
                                    mariadb::Connection& source,
                                    const std::map<std::string, schema::Table>& catalog, stage::Runs& runs,
                                    DeltaPassResult& result) {
  ChangeLogNames names(config_.prefix(Side::Source));
  for (const auto& tracked : groups.flattened()) {
    auto table = catalog.find(names.table(tracked.name));
    if (table == catalog.end()) continue;  // not in this Magento 1 (as upstream)
    // A document map.xml ignores keeps its changes unprocessed, unless a step moves it.
    if (map_.isDocumentIgnored(tracked.name, Side::Source) && !stepDocuments_.contains(tracked.name)) continue;
    std::string changeLog = names.changeLog(tracked.name);
    if (!catalog.contains(changeLog))
      throw stage::StageError(fmt::format("Deltalog for {} is not installed. Its changes since the full extract are "
                                          "unknown: run `m2stage deltalog install`, then a new full run "
                                          "(`m2stage extract --reset`) before delta", tracked.name));
    schema::Table staged = table->second;
    staged.name = tracked.name;
    const auto& keys = tracked.key;
    std::vector<std::size_t> keyIndexes;  // positions of the key columns in the staged row
    auto columnNames = staged.columnNames();
    for (const auto& key : keys) {
      auto position = std::find(columnNames.begin(), columnNames.end(), key);
      if (position == columnNames.end())
        throw schema::InputError(fmt::format("{}: key column {} of {} is not in the table", groupsFile.string(), key, tracked.name));
      keyIndexes.push_back(static_cast<std::size_t>(position - columnNames.begin()));
    }

    // The keys as UTF-8, as selectRows gives the rows they are matched with.
    std::vector<schema::Column> keyColumns;
    for (const auto& key : keys) {
      const schema::Column* column = catalog.at(changeLog).find(key);
      keyColumns.push_back(column ? *column : schema::Column{key});  // absent: the server says so
    }
    for (;;) {
      stage::checkInterrupt();
      source.execute("START TRANSACTION");
      auto changed = source.query(fmt::format("SELECT {}, `operation` FROM {} WHERE `processed` = 0 ORDER BY {} LIMIT {} FOR UPDATE",
                                              mariadb::selectList(keyColumns, source.textResults()),
                                              mariadb::quoteIdentifier(changeLog), quotedList(keys), kBatchRows));
      if (changed.empty()) {
        source.execute("COMMIT");
        break;
      }
      std::vector<mariadb::Row> keyValues;
      for (auto& row : changed) keyValues.emplace_back(row.begin(), row.begin() + static_cast<long>(keys.size()));
      // The current rows of the changed keys; a key without a row was deleted.
      std::map<mariadb::Row, std::vector<schema::Value>> current;
      for (auto& row : mariadb::selectRows(source, staged, table->first, keyCondition(source, keys, keyValues))) {
        mariadb::Row key;
        for (auto index : keyIndexes) key.push_back(row[index]);
        current.emplace(std::move(key), std::move(row));
      }
      // Stage the batch durably before marking anything processed.
      std::vector<DeltaChange> changes;
      for (const auto& key : keyValues) {
        auto found = current.find(key);
        if (found != current.end()) {
          changes.push_back({false, std::move(found->second)});
        } else {
          // Gone by now: a delete, of which only the key is known.
          std::vector<schema::Value> row(staged.columns.size());
          for (std::size_t i = 0; i < keys.size(); ++i) row[keyIndexes[i]] = key[i];
          changes.push_back({true, std::move(row)});
        }
      }
      stageChunk(runs, staged, changes, result);
      source.execute(fmt::format("UPDATE {} SET `processed` = 1 WHERE {}", mariadb::quoteIdentifier(changeLog),
                                 keyCondition(source, keys, keyValues)));
      source.execute("COMMIT");
      if (changed.size() < kBatchRows) break;
    }
    source.execute(fmt::format("DELETE FROM {} WHERE `processed` = 1", mariadb::quoteIdentifier(changeLog)));
  }
}

void DeltaExtractor::stageChunk(stage::Runs& runs, const schema::Table& staged, const std::vector<DeltaChange>& changes,
                                DeltaPassResult& result) {
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  if (result.run == 0) {
    result.run = runs.create("delta", "delta", config_.database(Side::Source).describe(),
                             config_.database(Side::Destination).describe());
    runs.startStep(result.run, kStep);
  }
  runs.saveSchema(result.run, "m1", staged);
  stage::RowTable rows(stage_, "m1", staged.name);
  rows.ensure(staged.columnNames());
  stage::RowTable::Writer writer(stage_, rows.name(), staged.columnNames(), stage::RowTable::storageFor(staged));
  auto chunks = runs.chunks(result.run, kStep, staged.name);
  std::int64_t documentRows = 0;
  for (const auto& previous : chunks) documentRows += previous.rows;
  stage::ChunkWriter chunkWriter(writer, {result.run, kStep, staged.name, static_cast<std::int64_t>(chunks.size())});
  for (const auto& change : changes) {
    chunkWriter.add(change.deleted ? "delete" : "upsert", change.row);
    ++(change.deleted ? result.deletes : result.upserts)[staged.name];
  }
  stage::Chunk chunk = chunkWriter.finish();
  runs.addChunk(chunk);
  runs.setDocument(result.run, kStep, {staged.name, "", "done", "", documentRows + chunk.rows});
  transaction.commit();
}

void DeltaExtractor::completeCustomers(mariadb::Connection& source, const std::map<std::string, schema::Table>& catalog,
                                       stage::Runs& runs, DeltaPassResult& result) {
  if (!customer_) return;
  auto staged = CustomerDeltaScope(*customer_, stage_, result.run)
                    .complete(source, catalog, config_.prefix(Side::Source),
                              [&](const schema::Table& table, const std::vector<DeltaChange>& changes) {
                                stageChunk(runs, table, changes, result);
                              });
  if (staged) audit_.record(result.run, "delta.customer.completed", "", staged,
                            "rows of the customers and addresses the run touched, so each is staged whole");
}

void DeltaExtractor::finish(stage::Runs& runs, const DeltaPassResult& result,
                            std::chrono::steady_clock::time_point started) {
  std::int64_t staged = 0;  // this pass's changes and those of the pass it completes
  for (const auto& document : runs.documents(result.run, kStep)) staged += document.rows;
  runs.finishStep(result.run, kStep, "done", staged);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (const auto& [document, count] : result.upserts) audit_.record(result.run, "delta.upserts", document, count);
  for (const auto& [document, count] : result.deletes) audit_.record(result.run, "delta.deletes", document, count);
  audit_.record(result.run, "delta.pass", "", result.changes(), fmt::format("{:.2f}s", seconds));
}

}  // namespace m2stage::extract
