#include "extract/CustomerDeltaScope.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "mariadb/Catalog.hpp"
#include "schema/TablePrefix.hpp"
#include "schema/XmlFile.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"

namespace m2stage::extract {

namespace {

constexpr std::size_t kEntitiesPerQuery = 500;

// The current Magento 1 rows of `table` whose `column` is one of `ids`, in the table's column order.
std::vector<std::vector<schema::Value>> currentRows(mariadb::Connection& source, const schema::Table& table,
                                                    const std::string& serverTable, const std::string& column,
                                                    const std::vector<std::int64_t>& ids) {
  std::string list;
  for (auto id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  return mariadb::selectRows(source, table, serverTable, fmt::format("{} IN ({})", mariadb::quoteIdentifier(column), list));
}

std::size_t columnIndex(const schema::Table& table, const std::string& column) {
  auto names = table.columnNames();
  auto found = std::find(names.begin(), names.end(), column);
  if (found == names.end())
    throw schema::InputError(fmt::format("Customer delta: Magento 1 table {} has no column {}", table.name, column));
  return static_cast<std::size_t>(found - names.begin());
}

}  // namespace

std::set<std::int64_t> CustomerDeltaScope::stagedIds(const std::string& document, const std::string& column,
                                                     const std::string& op) {
  std::set<std::int64_t> ids;
  stage::RowTable table(stage_, "m1", document);
  if (!table.exists()) return ids;
  // Only the rowids the run's chunks cover: the run's rows, not the full run's millions.
  auto rowids = stage::Runs(stage_).stagedRowids(run_, document);
  if (!rowids) return ids;
  SQLite::Statement query(stage_.db(), fmt::format("SELECT CAST({} AS INTEGER) FROM {} WHERE rowid BETWEEN ? AND ? AND "
                                                   "_run = ?{}",
                                                   stage::StageFile::quote(column), stage::StageFile::quote(table.name()),
                                                   op.empty() ? "" : " AND _op = ?"));
  query.bind(1, rowids->first);
  query.bind(2, rowids->second);
  query.bind(3, run_);
  if (!op.empty()) query.bind(4, op);
  while (query.executeStep()) {
    if (!query.getColumn(0).isNull()) ids.insert(query.getColumn(0).getInt64());
  }
  return ids;
}

std::int64_t CustomerDeltaScope::complete(mariadb::Connection& source, const std::map<std::string, schema::Table>& catalog,
                                          const std::string& prefix, const StageChunk& stageChunk) {
  std::int64_t staged = 0;
  // The document's Magento 1 table as staged (unprefixed name), or nullptr when Magento 1 lacks it.
  auto tableOf = [&](const std::string& document) -> std::optional<schema::Table> {
    auto found = catalog.find(schema::withPrefix(document, prefix));
    if (found == catalog.end()) return std::nullopt;
    schema::Table table = found->second;
    table.name = document;
    return table;
  };
  for (const auto& entityType : attributes_.entityTypes()) {
    auto entityDocument = attributes_.entityDocumentOf(entityType);
    auto entityTable = entityDocument ? tableOf(*entityDocument) : std::nullopt;
    if (!entityTable) continue;
    std::vector<schema::Table> valueTables;
    for (const auto& document : attributes_.sourceDocuments()) {
      if (attributes_.entityTypeOf(document.name) != entityType || attributes_.isEntityDocument(document.name)) continue;
      if (auto table = tableOf(document.name)) valueTables.push_back(*table);
    }

    // The entities the run touched, and those it already holds an entity row for.
    std::set<std::int64_t> held = stagedIds(*entityDocument, "entity_id");
    std::set<std::int64_t> touched = held;
    for (const auto& table : valueTables) touched.merge(stagedIds(table.name, "entity_id", "upsert"));
    std::set<std::int64_t> deleted = stagedIds(*entityDocument, "entity_id", "delete");
    std::vector<std::int64_t> live;
    for (auto id : touched) {
      if (!deleted.contains(id)) live.push_back(id);
    }

    std::map<std::string, std::set<std::int64_t>> heldValueIds;
    for (const auto& table : valueTables) heldValueIds[table.name] = stagedIds(table.name, "value_id");
    std::size_t entityKey = columnIndex(*entityTable, "entity_id");
    for (std::size_t start = 0; start < live.size(); start += kEntitiesPerQuery) {
      std::vector<std::int64_t> batch(live.begin() + static_cast<long>(start),
                                      live.begin() + static_cast<long>(std::min(live.size(), start + kEntitiesPerQuery)));
      // Entity rows the run lacks: the current row, or a delete when the entity is gone.
      std::vector<std::int64_t> missing;
      for (auto id : batch) {
        if (!held.contains(id)) missing.push_back(id);
      }
      if (!missing.empty()) {
        std::vector<DeltaChange> changes;
        std::set<std::int64_t> found;
        for (auto& row : currentRows(source, *entityTable, schema::withPrefix(*entityDocument, prefix), "entity_id", missing)) {
          found.insert(std::stoll(row[entityKey].value_or("0")));
          changes.push_back({false, std::move(row)});
        }
        for (auto id : missing) {
          if (found.contains(id)) continue;
          std::vector<schema::Value> key(entityTable->columns.size());
          key[entityKey] = std::to_string(id);
          changes.push_back({true, std::move(key)});
        }
        stageChunk(*entityTable, changes);
        staged += static_cast<std::int64_t>(changes.size());
      }
      // Every current value row of the batch's entities that the run does not hold yet.
      for (const auto& table : valueTables) {
        const auto& heldValues = heldValueIds.at(table.name);
        std::size_t valueKey = columnIndex(table, "value_id");
        std::vector<DeltaChange> changes;
        for (auto& row : currentRows(source, table, schema::withPrefix(table.name, prefix), "entity_id", batch)) {
          if (heldValues.contains(std::stoll(row[valueKey].value_or("0")))) continue;
          changes.push_back({false, std::move(row)});
        }
        if (changes.empty()) continue;
        stageChunk(table, changes);
        staged += static_cast<std::int64_t>(changes.size());
      }
    }
  }
  return staged;
}

}  // namespace m2stage::extract
