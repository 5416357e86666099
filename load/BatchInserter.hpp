// Multi-row INSERT statements for one Magento 2 table, each kept under the server's
// max_allowed_packet; values are escaped by the client library (binary columns as hex). As
// upserts (delta), a row whose key exists replaces that row's columns.
#pragma once

#include <string>
#include <vector>

#include "load/ServerWarnings.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Table.hpp"

namespace m2stage::load {

class BatchInserter {
 public:
  BatchInserter(mariadb::Connection& connection, const std::string& serverTable, const std::vector<std::string>& columns,
                std::vector<bool> binary, std::size_t maxStatementBytes, bool upsert = false);

  void add(const std::vector<schema::Value>& row);
  // Sends what is pending.
  void flush();

  // The server's warnings over every statement sent, and the first few of them (kept up to
  // `keepWarnings`): non-strict coercions the caller reports.
  std::uint64_t warningCount() const { return warningCount_; }
  const std::vector<ServerWarning>& warnings() const { return warnings_; }
  void keepWarnings(std::size_t limit) { keepWarnings_ = limit; }

 private:
  mariadb::Connection& connection_;
  std::string head_;
  std::string tail_;  // upsert: " ON DUPLICATE KEY UPDATE `c` = VALUES(`c`), ..."
  std::string statement_;
  std::vector<bool> binary_;
  std::size_t maxBytes_;
  std::size_t pendingRows_ = 0;
  std::uint64_t warningCount_ = 0;
  std::vector<ServerWarning> warnings_;
  std::size_t keepWarnings_ = 0;
};

}  // namespace m2stage::load
