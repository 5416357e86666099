// What the load-time steps ask before they write: whether the run staged a Magento 1 document
// with the columns a step reads (and its quoted SQLite name), and whether Magento 2 has a table or
// a column. Small catalogue look-ups, kept in one place for the steps that run SQL on Magento 2.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "mariadb/Connection.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

// The staged Magento 1 document's table, quoted for SQLite: "m1.<document>".
std::string stagedTable(const std::string& document);
// Whether the staging file has the document with every one of `columns`.
bool hasStaged(stage::StageFile& stage, const std::string& document, const std::vector<std::string>& columns);
// Whether Magento 2 (the connection's database) has the table, or the table's column.
bool destinationHasTable(mariadb::Connection& destination, const std::string& table);
bool destinationHasColumn(mariadb::Connection& destination, const std::string& table, const std::string& column);
// Calls `visit` with each distinct non-NULL value of `column` among the run's staged rows of the
// Magento 1 document (nothing when the run staged none, or the table lacks the column).
void forEachStagedValue(stage::StageFile& stage, std::int64_t run, const std::string& document, const std::string& column,
                        const std::function<void(const std::string&)>& visit);
// The rows of Magento 2's `table` (for the volume checks).
std::int64_t destinationRows(mariadb::Connection& destination, const std::string& table);
// Magento 2's columns of `table` (empty when it has no such table).
std::set<std::string> destinationColumns(mariadb::Connection& destination, const std::string& table);

}  // namespace m2stage::load
