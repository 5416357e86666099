// Where generated rows go: the SQL dump writer for the program, an in-memory collector in tests.
// Rows arrive table by table interleaved (an order, then its items, ...), never all at once.
#pragma once

#include <string>
#include <vector>

#include "sample/Field.hpp"

namespace m2stage::sample {

// A Magento 1 table and the columns the generator fills (the others keep their defaults).
struct TableSpec {
  std::string name;
  std::vector<std::string> columns;
};

class RowSink {
 public:
  virtual ~RowSink() = default;
  // `row` has one field per column of `table`, in its order.
  virtual void add(const TableSpec& table, std::vector<Field> row) = 0;
};

}  // namespace m2stage::sample
