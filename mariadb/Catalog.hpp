// Reads table definitions from a server's information_schema, for the connection's database.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "mariadb/Connection.hpp"
#include "schema/Table.hpp"

namespace m2stage::mariadb {

// Every base table of the connected database (prefixed names, as on the server), in name order,
// with columns in ordinal order and the primary key (or, lacking one, the first unique key
// whose columns are all NOT NULL).
std::map<std::string, schema::Table> readCatalog(Connection& connection);

}  // namespace m2stage::mariadb
