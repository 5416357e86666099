// Before load writes anything: the Magento 2 tables it is about to fill must still look as they
// did when transform shaped the rows (the run's stored `m2` schema). A missing table or column, a
// column whose type (data type, length, precision, signedness, enum members) or nullability
// changed, or a new NOT NULL column without a default (load would leave the server to invent its
// values) refuses the load with one line naming table and column. Integer display widths are
// ignored: MySQL 8 prints `int` where MariaDB prints `int(11)`, for the same column.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "mariadb/Connection.hpp"
#include "schema/Table.hpp"

namespace m2stage::load {

class DestinationCheck {
 public:
  // `stored`: the run's m2 schema by (unprefixed) document name; `prefix`: the destination table prefix.
  DestinationCheck(const std::map<std::string, schema::Table>& stored, std::string prefix);

  // Throws stage::StageError naming the first difference among `documents` (m2 table names);
  // `columns(document)` are the staged columns load writes.
  void check(mariadb::Connection& destination, const std::vector<std::string>& documents,
             const std::map<std::string, std::vector<std::string>>& stagedColumns) const;

  // COLUMN_TYPE as compared: lower case, without the display width of integer types
  // ("int(10) unsigned" -> "int unsigned", "tinyint(1)" -> "tinyint"), so MariaDB and MySQL 8
  // descriptions of one column compare equal.
  static std::string comparableType(const std::string& columnType);

 private:
  const std::map<std::string, schema::Table>& stored_;
  std::string prefix_;
};

}  // namespace m2stage::load
