// Writes rows as multi-row INSERT statements, one buffer per table, each written out when it
// reaches a size well below max_allowed_packet. Memory stays bounded however large the store.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>

#include "sample/RowSink.hpp"

namespace m2stage::sample {

class SqlDumpWriter : public RowSink {
 public:
  explicit SqlDumpWriter(std::ostream& out, std::size_t statementBytes = 1 << 20);
  void add(const TableSpec& table, std::vector<Field> row) override;
  // Writes what is still buffered; call once at the end.
  void finish();
  std::int64_t rows() const { return rows_; }

 private:
  struct Pending {
    std::string statement;  // "INSERT INTO ... VALUES (...),(...)" without the ';'
    std::size_t headerSize = 0;
  };
  void flush(Pending& pending);

  std::ostream& out_;
  std::size_t statementBytes_;
  std::map<std::string, Pending> pending_;
  std::int64_t rows_ = 0;
};

}  // namespace m2stage::sample
