#include "transform/EavStep.hpp"

#include <algorithm>
#include <chrono>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "mariadb/Connection.hpp"
#include "schema/ClassMap.hpp"
#include "schema/ColumnDefault.hpp"
#include "schema/DocumentGroups.hpp"
#include "schema/DocumentTransformer.hpp"
#include "schema/EavAttributeGroups.hpp"
#include "schema/EavMerge.hpp"
#include "schema/MapRules.hpp"
#include "schema/TablePrefix.hpp"
#include "schema/XmlFile.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"
#include "transform/StagedHandlerEnvironment.hpp"

namespace m2stage::transform {

namespace {

constexpr const char* kMerged = "eav";       // side of "eav.<document>": the merged rows for load
constexpr const char* kSnapshot = "eav_m2";  // side of "eav_m2.<document>": Magento 2's rows as read
constexpr const char* kSnapshotStep = "eav-m2";

// One run's staged rows of `table` in `columns` (which the table must have).
schema::EavTable readStaged(stage::StageFile& stage, const std::string& table, const std::vector<std::string>& columns,
                            std::int64_t run) {
  schema::EavTable rows;
  rows.columns = columns;
  if (!stage.db().tableExists(table)) return rows;
  std::string list;
  for (const auto& column : columns) list += (list.empty() ? "" : ", ") + stage::StageFile::quote(column);
  SQLite::Statement query(stage.db(), fmt::format("SELECT {} FROM {} WHERE _run = ? AND _op <> 'delete' ORDER BY rowid",
                                                  list, stage::StageFile::quote(table)));
  query.bind(1, run);
  while (query.executeStep()) {
    std::vector<schema::Value> row(columns.size());
    for (std::size_t column = 0; column < columns.size(); ++column)
      stage::RowTable::readCell(query, static_cast<int>(column), row[column]);
    rows.rows.push_back(std::move(row));
  }
  return rows;
}

void storeRows(stage::StageFile& stage, const std::string& side, const schema::Table& table, const schema::EavTable& rows,
               std::int64_t run) {
  stage::RowTable output(stage, side, table.name);
  output.ensure(rows.columns);
  output.deleteRun(run);
  stage::RowTable::Writer writer(stage, output.name(), rows.columns, stage::RowTable::storageFor(table, rows.columns));
  for (const auto& row : rows.rows) writer.insert(run, "insert", 0, row);
}

// The documents the step merges that config's groups file lists and Magento 2 has. Magento 2's
// swatches follow the option ids, so they belong to the step with eav_attribute_option.
std::vector<std::string> mergedDocuments(const schema::Config& config, const std::map<std::string, schema::Table>& destination) {
  auto listed = EavStep::sourceDocuments(config);
  if (listed.contains("eav_attribute_option")) listed.insert("eav_attribute_option_swatch");
  std::vector<std::string> documents;
  for (const auto& document : schema::eavMergedDocuments())
    if (listed.contains(document) && destination.contains(document)) documents.push_back(document);
  return documents;
}

// Magento 2's EAV rows: the run's stored copy; else read from Magento 2 (and stored); else the
// copy stored by an earlier run. Throws StageError when none is available.
schema::EavTables magento2Rows(const schema::Config& config, stage::StageFile& stage, audit::AuditTrail& audit,
                               std::int64_t run, const std::vector<std::string>& documents,
                               const std::map<std::string, schema::Table>& destinationTables) {
  stage::Runs runs(stage);
  auto storedRun = [&](std::int64_t upTo) -> std::optional<std::int64_t> {
    SQLite::Statement query(stage.db(), "SELECT MAX(run_id) FROM document WHERE step = ? AND run_id <= ?");
    query.bind(1, kSnapshotStep);
    query.bind(2, upTo);
    query.executeStep();
    if (query.getColumn(0).isNull()) return std::nullopt;
    return query.getColumn(0).getInt64();
  };
  auto readStored = [&](std::int64_t from) {
    schema::EavTables tables;
    for (const auto& document : documents)
      tables[document] = readStaged(stage, stage::RowTable::tableName(kSnapshot, document),
                                    destinationTables.at(document).columnNames(), from);
    return tables;
  };
  if (auto own = storedRun(run); own && *own == run) {
    spdlog::info("eav: using Magento 2's EAV rows stored with run {}", run);
    return readStored(run);
  }
  schema::EavTables tables;
  try {
    mariadb::Connection destination(config.database(schema::Side::Destination), config.initStatements(schema::Side::Destination));
    std::string prefix = config.prefix(schema::Side::Destination);
    for (const auto& document : documents) {
      const auto& table = destinationTables.at(document);
      auto& rows = tables[document];
      rows.columns = table.columnNames();
      std::string list, order;
      for (const auto& column : rows.columns) list += (list.empty() ? "" : ", ") + mariadb::quoteIdentifier(column);
      for (const auto& column : table.primaryKey) order += (order.empty() ? " ORDER BY " : ", ") + mariadb::quoteIdentifier(column);
      auto stream = destination.stream(fmt::format("SELECT {} FROM {}{}", list,
                                                   mariadb::quoteIdentifier(schema::withPrefix(document, prefix)), order));
      while (stream.next()) {
        std::vector<schema::Value> row(rows.columns.size());
        for (std::size_t column = 0; column < row.size(); ++column)
          if (auto cell = stream.cell(column)) row[column] = std::string(*cell);
        rows.rows.push_back(std::move(row));
      }
    }
  } catch (const mariadb::DatabaseError& error) {
    auto earlier = storedRun(run);
    if (!earlier)
      throw stage::StageError(fmt::format("the EAV step needs Magento 2's EAV rows: the destination is not reachable ({}) "
                                          "and none are stored; run `m2stage transform` with Magento 2 reachable",
                                          error.what()));
    spdlog::info("eav: destination not reachable ({}); using Magento 2's EAV rows stored with run {}", error.what(), *earlier);
    return readStored(*earlier);
  }
  SQLite::Transaction transaction(stage.db(), SQLite::TransactionBehavior::IMMEDIATE);
  for (const auto& document : documents) {
    storeRows(stage, kSnapshot, destinationTables.at(document), tables[document], run);
    runs.setDocument(run, kSnapshotStep,
                     {document, document, "done",
                      fmt::format("Magento 2's rows before the EAV step, read from {}",
                                  config.database(schema::Side::Destination).describe()),
                      static_cast<std::int64_t>(tables[document].rows.size())});
  }
  audit.record(run, "transform.eav.snapshot", "", std::nullopt,
               fmt::format("Magento 2's EAV rows of {} documents stored", documents.size()));
  transaction.commit();
  return tables;
}

}  // namespace

bool EavStep::configured(const schema::Config& config) {
  return !config.fileOption("eav_map_file").empty() && !config.fileOption("eav_document_groups_file").empty() &&
         !config.fileOption("eav_attribute_groups_file").empty();
}

std::set<std::string> EavStep::sourceDocuments(const schema::Config& config) {
  auto file = config.fileOption("eav_document_groups_file");
  std::set<std::string> documents;
  for (const auto& document : schema::DocumentGroups::load(file).group("documents")) documents.insert(document.name);
  // Option values point at option ids, which the merge renumbers for Magento 2's options: the two
  // go together (eav_attribute_option alone brings its values).
  if (documents.contains("eav_attribute_option_value") && !documents.contains("eav_attribute_option"))
    throw schema::InputError(fmt::format("{}: group documents lists eav_attribute_option_value without "
                                         "eav_attribute_option; the EAV step merges them together",
                                         file.string()));
  if (documents.contains("eav_attribute_option")) documents.insert("eav_attribute_option_value");
  return documents;
}

EavStep::EavStep(const schema::Config& config, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                 bool autoResolve)
    : config_(config), stage_(stage), audit_(audit), run_(run), autoResolve_(autoResolve) {}

std::vector<audit::Finding> EavStep::integrity() {
  auto sourceSchema = stage::Runs(stage_).loadSchema(run_, "m1");
  if (!sourceSchema.contains("eav_attribute") || !sourceSchema.contains("eav_entity_type")) return {};
  auto attributes = readStaged(stage_, stage::RowTable::tableName("m1", "eav_attribute"),
                               sourceSchema.at("eav_attribute").columnNames(), run_);
  auto types = readStaged(stage_, stage::RowTable::tableName("m1", "eav_entity_type"),
                          sourceSchema.at("eav_entity_type").columnNames(), run_);
  auto classMapFile = config_.fileOption("class_map");
  if (classMapFile.empty())
    throw schema::InputError(fmt::format("{}: the EAV step needs the class map, but <class_map> is not set",
                                         config_.file().string()));
  auto ignored = schema::EavAttributeGroups::load(config_.fileOption("eav_attribute_groups_file")).group("ignore");
  std::vector<audit::Finding> findings;
  for (const auto& issue : schema::EavMerge::unmappedClasses(attributes, types, schema::ClassMap::load(classMapFile), ignored))
    findings.push_back({"class_not_mapped", "source", issue.document, issue.field, issue.message,
                        autoResolve_ ? audit::Severity::Warning : audit::Severity::Error});
  return findings;
}

std::int64_t EavStep::transform(const std::map<std::string, schema::Table>& destinationTables) {
  stage::Runs runs(stage_);
  auto documents = mergedDocuments(config_, destinationTables);
  auto sourceSchema = runs.loadSchema(run_, "m1");
  // A merge without one of Magento 1's EAV tables would replace Magento 2's EAV with half of it
  // (e.g. the eav_* options added to config.xml after the run was extracted).
  for (const auto& document : sourceDocuments(config_)) {
    auto extracted = runs.document(run_, "extract", document);
    if (sourceSchema.contains(document) && (!extracted || extracted->state != "done"))
      throw stage::StageError(fmt::format("{}: the EAV step needs {} of Magento 1, which run {} has not extracted; "
                                          "run `m2stage extract --reset` with this config.xml",
                                          stage_.path().string(), document, run_));
  }
  auto map = schema::MapRules::load(config_.fileOption("eav_map_file"));
  auto ignored = schema::EavAttributeGroups::load(config_.fileOption("eav_attribute_groups_file")).group("ignore");
  schema::EavTables magento2 = magento2Rows(config_, stage_, audit_, run_, documents, destinationTables);

  // Magento 1's rows through eav_map_file, in Magento 2's columns.
  StagedHandlerEnvironment environment(stage_, run_, config_);
  auto now = std::chrono::system_clock::now();
  schema::EavTables magento1;
  std::vector<audit::Finding> findings;
  for (const auto& document : documents) {
    auto source = sourceSchema.find(document);
    if (source == sourceSchema.end()) continue;
    const auto& destination = destinationTables.at(document);
    schema::DocumentTransformer transformer(map, source->second, destination, &environment, now);
    const auto& output = transformer.outputColumns();
    auto raw = readStaged(stage_, stage::RowTable::tableName("m1", document), source->second.columnNames(), run_);
    auto& shaped = magento1[document];
    shaped.columns = destination.columnNames();
    std::vector<int> from(shaped.columns.size(), -1);
    for (std::size_t column = 0; column < shaped.columns.size(); ++column) {
      auto found = std::find(output.begin(), output.end(), shaped.columns[column]);
      if (found != output.end()) from[column] = static_cast<int>(found - output.begin());
    }
    for (const auto& row : raw.rows) {
      std::vector<schema::Value> values;
      try {
        values = transformer.transform(row);
      } catch (const schema::TransformError&) {
        const auto& bad = transformer.badValues();
        if (bad.empty()) throw;
        audit::Finding finding = audit::dataIncompatibility(bad.front(), transformer.rowKey());
        SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
        audit::appendFindings(stage_, run_, "transform", {finding});
        transaction.commit();
        throw schema::TransformError(finding.message);
      }
      for (const auto& warning : transformer.warnings()) spdlog::warn("{}", warning);
      for (const auto& bad : transformer.badValues()) findings.push_back(audit::dataIncompatibility(bad, transformer.rowKey()));
      std::vector<schema::Value> full(shaped.columns.size());
      std::vector<bool> assigned(shaped.columns.size(), false);
      for (std::size_t column = 0; column < full.size(); ++column) {
        if (from[column] >= 0) {
          full[column] = std::move(values[static_cast<std::size_t>(from[column])]);
          assigned[column] = transformer.assigned()[static_cast<std::size_t>(from[column])];
        } else {
          full[column] = schema::ColumnDefault::unsetValue(destination.columns[column], now);
        }
      }
      shaped.rows.push_back(std::move(full));
      shaped.assigned.push_back(std::move(assigned));
    }
  }

  auto result = schema::EavMerge(std::move(magento1), magento2, ignored).merge();
  std::int64_t total = 0;
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  audit::appendFindings(stage_, run_, "transform", findings);
  for (const auto& document : documents) {
    auto merged = result.merged.find(document);
    if (merged == result.merged.end()) continue;
    storeRows(stage_, kMerged, destinationTables.at(document), merged->second, run_);
    auto rows = static_cast<std::int64_t>(merged->second.rows.size());
    auto remapped = result.remapped.contains(document) ? result.remapped.at(document).size() : 0;
    runs.setDocument(run_, "eav",
                     {document, document, "pending",
                      fmt::format("merged: {} rows ({} Magento 2 rows matched or re-inserted); written by load", rows,
                                  remapped),
                      rows});
    total += rows;
  }
  std::string dropped;
  for (const auto& [document, rows] : result.magento2RowsDropped)
    dropped += fmt::format("{}{} {}", dropped.empty() ? "" : ", ", rows, document);
  audit_.record(run_, "transform.eav", "", total,
                fmt::format("{} documents merged; {} Magento 2-only rows with new ids, {} default product groups and {} "
                            "links added to Magento 1 sets, {} rows of ignored attributes left out; Magento 1's product "
                            "groups General, Prices and Recurring Profile: {} dropped, {} attribute links moved; Magento 2 "
                            "rows of attributes Magento 1 has (Magento 1's options win): {}",
                            documents.size(), result.newRows, result.groupsAdded, result.linksAdded, result.ignoredRows,
                            result.groupsDropped, result.linksMoved, dropped.empty() ? "none dropped" : dropped + " dropped"));
  transaction.commit();
  spdlog::info("eav: {} rows merged into {} documents ({} Magento 2-only rows with new ids)", total, documents.size(),
               result.newRows);
  return total;
}

}  // namespace m2stage::transform
