#include "mariadb/Catalog.hpp"

#include <fmt/format.h>

#include "schema/TablePrefix.hpp"

namespace m2stage::mariadb {

std::string selectExpression(const schema::Column& column) {
  std::string quoted = quoteIdentifier(column.name);
  if (column.dataType == "float") return fmt::format("CAST({0} AS DOUBLE) AS {0}", quoted);
  return quoted;
}

std::map<std::string, schema::Table> readCatalog(Connection& connection) {
  std::string database = connection.literal(connection.settings().name, false);
  std::map<std::string, schema::Table> tables;
  for (auto& row : connection.query(fmt::format(
           "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = {} AND TABLE_TYPE = 'BASE TABLE'",
           database))) {
    tables[*row[0]].name = *row[0];
  }
  for (auto& row : connection.query(fmt::format(
           "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, EXTRA FROM information_schema.COLUMNS "
           "WHERE TABLE_SCHEMA = {} ORDER BY TABLE_NAME, ORDINAL_POSITION",
           database))) {
    auto table = tables.find(*row[0]);
    if (table == tables.end()) continue;  // a view
    schema::Column column;
    column.name = *row[1];
    column.dataType = *row[2];
    column.columnType = *row[3];
    column.nullable = *row[4] == "YES";
    column.autoIncrement = row[5] && row[5]->find("auto_increment") != std::string::npos;
    table->second.columns.push_back(std::move(column));
  }
  // Unique keys in key order, PRIMARY first; keep the first whose columns are all NOT NULL.
  struct UniqueKey {
    std::vector<std::string> columns;
    bool usable = true;
  };
  std::map<std::string, std::vector<std::pair<std::string, UniqueKey>>> keys;
  for (auto& row : connection.query(fmt::format(
           "SELECT s.TABLE_NAME, s.INDEX_NAME, s.COLUMN_NAME, c.IS_NULLABLE FROM information_schema.STATISTICS s "
           "JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME "
           "AND c.COLUMN_NAME = s.COLUMN_NAME WHERE s.TABLE_SCHEMA = {} AND s.NON_UNIQUE = 0 "
           "ORDER BY s.TABLE_NAME, s.INDEX_NAME <> 'PRIMARY', s.INDEX_NAME, s.SEQ_IN_INDEX",
           database))) {
    auto& tableKeys = keys[*row[0]];
    if (tableKeys.empty() || tableKeys.back().first != *row[1]) tableKeys.push_back({*row[1], {}});
    tableKeys.back().second.columns.push_back(*row[2]);
    if (*row[3] == "YES") tableKeys.back().second.usable = false;
  }
  for (auto& [name, tableKeys] : keys) {
    auto table = tables.find(name);
    if (table == tables.end()) continue;
    for (auto& [index, key] : tableKeys) {
      if (key.usable) {
        table->second.primaryKey = key.columns;
        break;
      }
    }
  }
  return tables;
}

std::map<std::string, schema::Table> readCatalog(Connection& connection, const std::string& prefix) {
  std::map<std::string, schema::Table> catalog;
  for (auto& [serverName, table] : readCatalog(connection)) {
    if (!prefix.empty() && !serverName.starts_with(prefix)) continue;
    table.name = schema::withoutPrefix(serverName, prefix);
    catalog.emplace(table.name, std::move(table));
  }
  return catalog;
}

}  // namespace m2stage::mariadb
