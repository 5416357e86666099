#include "mariadb/Catalog.hpp"

#include <cctype>
#include <cstdio>
#include <regex>
#include <tuple>

#include <fmt/format.h>

#include "schema/TablePrefix.hpp"

namespace m2stage::mariadb {

namespace {

// MariaDB 10.2.7 and later quote literal defaults in COLUMN_DEFAULT; MySQL and older MariaDB
// print them bare, which cannot be told from an expression without EXTRA.
bool quotesDefaults(Connection& connection) {
  std::string version = connection.queryValue("SELECT VERSION()").value_or("");
  if (version.find("MariaDB") == std::string::npos) return false;
  int major = 0, minor = 0, patch = 0;
  if (std::sscanf(version.c_str(), "%d.%d.%d", &major, &minor, &patch) < 2) return true;
  return std::make_tuple(major, minor, patch) >= std::make_tuple(10, 2, 7);
}

}  // namespace

std::optional<std::string> canonicalDefault(const std::optional<std::string>& columnDefault, const std::string& extra,
                                            const std::string& dataType, bool quoted) {
  if (!columnDefault) return std::nullopt;  // no DEFAULT (a NOT NULL column)
  if (quoted) {
    if (*columnDefault == "NULL") return std::nullopt;  // DEFAULT NULL; the literal 'NULL' is quoted
    return columnDefault;
  }
  if (dataType == "bit") return std::nullopt;  // b'101': not worth a parser; the server's rule applies
  std::string lowered = extra;
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::regex kCurrentTimestamp(R"((current_timestamp|now)(\([0-6]?\))?)", std::regex::icase);
  bool expression = lowered.find("default_generated") != std::string::npos ||
                    ((dataType == "timestamp" || dataType == "datetime") && std::regex_match(*columnDefault, kCurrentTimestamp));
  if (expression) return columnDefault;
  // A number stays bare in a numeric column (0, -3, 1.5000); anything else becomes a quoted
  // literal, escaped as MariaDB escapes it (schema::ColumnDefault reads it back).
  static const std::regex kNumber(R"(-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?)");
  static const std::regex kNumericType("tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real|year");
  if (std::regex_match(dataType, kNumericType) && std::regex_match(*columnDefault, kNumber)) return columnDefault;
  std::string quotedText = "'";
  for (char c : *columnDefault) {
    switch (c) {
      case '\'': quotedText += "''"; break;
      case '\\': quotedText += "\\\\"; break;
      case '\0': quotedText += "\\0"; break;
      case '\n': quotedText += "\\n"; break;
      case '\r': quotedText += "\\r"; break;
      default: quotedText += c; break;
    }
  }
  return quotedText + "'";
}

std::string selectExpression(const schema::Column& column, TextResults text) {
  std::string quoted = quoteIdentifier(column.name);
  if (column.dataType == "float") return fmt::format("CAST({0} AS DOUBLE) AS {0}", quoted);
  if (!column.isText()) return quoted;  // numbers and dates are ASCII, binary values bytes
  // UTF-8 text as its stored bytes: converting utf8mb3 to utf8mb4 changes no byte but costs the
  // server a pass over every character (a fifth of its work reading a text-heavy table). No
  // alias: an ORDER BY on the column would sort by the alias, bytewise.
  if (column.isUtf8Text()) return text == TextResults::AsStored ? quoted : fmt::format("CAST({} AS BINARY)", quoted);
  // Other text (latin1..., or a column whose character set a file staged by an older version did
  // not record) as UTF-8, whatever character set the session's init statements chose.
  return fmt::format("CAST(CONVERT({} USING utf8mb4) AS BINARY)", quoted);
}

std::string selectList(const std::vector<schema::Column>& columns, TextResults text) {
  std::string list;
  for (const auto& column : columns) list += (list.empty() ? "" : ", ") + selectExpression(column, text);
  return list;
}

std::vector<std::vector<schema::Value>> selectRows(Connection& connection, const schema::Table& table,
                                                   const std::string& serverTable, const std::string& condition) {
  auto stream = connection.stream(fmt::format("SELECT {} FROM {} WHERE {}", selectList(table.columns, connection.textResults()),
                                              quoteIdentifier(serverTable), condition));
  std::vector<std::vector<schema::Value>> rows;
  while (stream.next()) {
    std::vector<schema::Value> row(table.columns.size());
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (auto cell = stream.cell(i)) row[i].emplace(*cell);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::map<std::string, schema::Table> readCatalog(Connection& connection) {
  std::string database = connection.literal(connection.settings().name, false);
  bool quoted = quotesDefaults(connection);
  std::map<std::string, schema::Table> tables;
  for (auto& row : connection.query(fmt::format(
           "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = {} AND TABLE_TYPE = 'BASE TABLE'",
           database))) {
    tables[*row[0]].name = *row[0];
  }
  for (auto& row : connection.query(fmt::format(
           "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, EXTRA, COLUMN_DEFAULT, CHARACTER_SET_NAME "
           "FROM information_schema.COLUMNS "
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
    column.defaultValue = canonicalDefault(row[6], row[5].value_or(""), column.dataType, quoted);
    column.charset = row[7].value_or("");
    if (column.charset == "utf8") column.charset = "utf8mb3";  // MySQL 5.7 and MariaDB before 10.6 say utf8
    table->second.columns.push_back(std::move(column));
  }
  // Unique keys in key order, PRIMARY first; keep the first whose columns are all NOT NULL.
  struct UniqueKey {
    std::vector<std::string> columns;
    bool usable = true;
  };
  std::map<std::string, std::vector<std::pair<std::string, UniqueKey>>> keys;
  // Nullability from the columns read above: joining information_schema.COLUMNS here made the
  // server scan every column of every schema for each key column (20 ms on a one-table database).
  for (auto& row : connection.query(fmt::format(
           "SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS "
           "WHERE TABLE_SCHEMA = {} AND NON_UNIQUE = 0 ORDER BY TABLE_NAME, INDEX_NAME <> 'PRIMARY', INDEX_NAME, SEQ_IN_INDEX",
           database))) {
    auto table = tables.find(*row[0]);
    if (table == tables.end()) continue;
    auto& tableKeys = keys[*row[0]];
    if (tableKeys.empty() || tableKeys.back().first != *row[1]) tableKeys.push_back({*row[1], {}});
    // No column name: a functional key part (MySQL 8), which a row cannot be found by.
    const schema::Column* column = row[2] ? table->second.find(*row[2]) : nullptr;
    tableKeys.back().second.columns.push_back(row[2].value_or(""));
    if (!column || column->nullable) tableKeys.back().second.usable = false;
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
