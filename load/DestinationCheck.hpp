// Before load writes anything: the Magento 2 tables it is about to fill must still look as they
// did when transform shaped the rows (the run's stored `m2` schema). A missing table or column, or
// a column whose data type changed, refuses the load with one line naming table and column.
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

 private:
  const std::map<std::string, schema::Table>& stored_;
  std::string prefix_;
};

}  // namespace m2stage::load
