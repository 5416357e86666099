// Reads table definitions from a server's information_schema, for the connection's database.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mariadb/Connection.hpp"
#include "schema/Table.hpp"

namespace m2stage::mariadb {

// Every base table of the connected database (prefixed names, as on the server), in name order,
// with columns in ordinal order and the primary key (or, lacking one, the first unique key
// whose columns are all NOT NULL).
std::map<std::string, schema::Table> readCatalog(Connection& connection);

// The tables whose names start with `prefix` (source_prefix/dest_prefix), keyed and named without
// it, as map rules and group files name them; the server name is schema::withPrefix(name, prefix).
std::map<std::string, schema::Table> readCatalog(Connection& connection, const std::string& prefix);

// Column::defaultValue from information_schema.COLUMNS (COLUMN_DEFAULT, EXTRA, DATA_TYPE): kept
// as MariaDB 10.2.7+ prints it (`quoted`), or, from MySQL and older MariaDB, which print literals
// bare, quoted the same way unless EXTRA or the type says it is an expression (DEFAULT_GENERATED,
// CURRENT_TIMESTAMP on a temporal column). nullopt for no DEFAULT and DEFAULT NULL.
std::optional<std::string> canonicalDefault(const std::optional<std::string>& columnDefault, const std::string& extra,
                                            const std::string& dataType, bool quoted);

// The column as it should be SELECTed on a connection receiving `text` so its text is exact and
// UTF-8 whatever the session's character set: FLOAT goes through DOUBLE, because the server prints
// FLOAT with 6 significant digits, which does not always give the same float back; UTF-8 text
// comes as its stored bytes (the same bytes, unconverted), other text converted to utf8mb4.
std::string selectExpression(const schema::Column& column, TextResults text);
// The columns' selectExpressions, comma-separated.
std::string selectList(const std::vector<schema::Column>& columns, TextResults text);

// The rows of `serverTable` that match `condition`, each column read through selectExpression, in
// `table`'s column order (NULL as nullopt). Buffered: for a batch of keys, never a whole table.
std::vector<std::vector<schema::Value>> selectRows(Connection& connection, const schema::Table& table,
                                                   const std::string& serverTable, const std::string& condition);

}  // namespace m2stage::mariadb
