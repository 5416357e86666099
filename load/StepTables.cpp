#include "load/StepTables.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"

namespace m2stage::load {

std::string stagedTable(const std::string& document) {
  std::string quoted = "\"";
  for (char c : stage::RowTable::tableName("m1", document)) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

bool hasStaged(stage::StageFile& stage, const std::string& document, const std::vector<std::string>& columns) {
  stage::RowTable table(stage, "m1", document);
  if (!table.exists()) return false;
  auto present = table.columns();
  return std::all_of(columns.begin(), columns.end(), [&](const std::string& column) {
    return std::find(present.begin(), present.end(), column) != present.end();
  });
}

bool destinationHasTable(mariadb::Connection& destination, const std::string& table) {
  return destination.queryValue(fmt::format("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                            "DATABASE() AND TABLE_NAME = {}",
                                            destination.literal(table, false))) != std::optional<std::string>("0");
}

bool destinationHasColumn(mariadb::Connection& destination, const std::string& table, const std::string& column) {
  return destination.queryValue(fmt::format("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                                            "DATABASE() AND TABLE_NAME = {} AND COLUMN_NAME = {}",
                                            destination.literal(table, false), destination.literal(column, false))) !=
         std::optional<std::string>("0");
}

void forEachStagedValue(stage::StageFile& stage, std::int64_t run, const std::string& document, const std::string& column,
                        const std::function<void(const std::string&)>& visit) {
  if (!hasStaged(stage, document, {column})) return;
  auto rowids = stage::Runs(stage).stagedRowids(run, document);
  if (!rowids) return;
  SQLite::Statement query(stage.db(), fmt::format("SELECT DISTINCT {0} FROM {1} WHERE rowid BETWEEN ? AND ? AND _run = ? "
                                                  "AND {0} IS NOT NULL",
                                                  stage::StageFile::quote(column), stagedTable(document)));
  query.bind(1, rowids->first);
  query.bind(2, rowids->second);
  query.bind(3, run);
  while (query.executeStep()) visit(query.getColumn(0).getString());
}

std::int64_t destinationRows(mariadb::Connection& destination, const std::string& table) {
  return std::stoll(destination.queryValue("SELECT COUNT(*) FROM " + mariadb::quoteIdentifier(table)).value_or("0"));
}

std::set<std::string> destinationColumns(mariadb::Connection& destination, const std::string& table) {
  std::set<std::string> columns;
  for (auto& row : destination.query(fmt::format("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA "
                                                 "= DATABASE() AND TABLE_NAME = {}",
                                                 destination.literal(table, false))))
    if (row[0]) columns.insert(*row[0]);
  return columns;
}

}  // namespace m2stage::load
