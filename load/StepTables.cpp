#include "load/StepTables.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "stage/RowTable.hpp"

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

std::set<std::string> destinationColumns(mariadb::Connection& destination, const std::string& table) {
  std::set<std::string> columns;
  for (auto& row : destination.query(fmt::format("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA "
                                                 "= DATABASE() AND TABLE_NAME = {}",
                                                 destination.literal(table, false))))
    if (row[0]) columns.insert(*row[0]);
  return columns;
}

}  // namespace m2stage::load
