#include "load/BatchInserter.hpp"

namespace m2stage::load {

BatchInserter::BatchInserter(mariadb::Connection& connection, const std::string& serverTable,
                             const std::vector<std::string>& columns, std::vector<bool> binary,
                             std::size_t maxStatementBytes, bool upsert)
    : connection_(connection), binary_(std::move(binary)), maxBytes_(maxStatementBytes) {
  head_ = "INSERT INTO " + mariadb::quoteIdentifier(serverTable) + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) head_ += (i ? ", " : "") + mariadb::quoteIdentifier(columns[i]);
  head_ += ") VALUES ";
  if (upsert) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      std::string column = mariadb::quoteIdentifier(columns[i]);
      tail_ += (i ? ", " : " ON DUPLICATE KEY UPDATE ") + column + " = VALUES(" + column + ")";
    }
  }
}

void BatchInserter::add(const std::vector<schema::Value>& row) {
  std::string tuple = "(";
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) tuple += ',';
    tuple += connection_.literal(row[i], binary_[i]);
  }
  tuple += ')';
  if (pendingRows_ > 0 && statement_.size() + tuple.size() + tail_.size() + 1 > maxBytes_) flush();
  if (pendingRows_ == 0) {
    statement_ = head_;
  } else {
    statement_ += ',';
  }
  statement_ += tuple;
  ++pendingRows_;
}

void BatchInserter::flush() {
  if (pendingRows_ == 0) return;
  statement_ += tail_;
  // A single-row INSERT refuses NULL in a NOT NULL column (1048) where a multi-row one stores the
  // column's implicit default and warns, as upstream's batches do; IGNORE gives one row the same.
  // It would also skip a duplicate with a warning, so a row that did not go in is reported as the
  // duplicate-key error it is.
  bool single = pendingRows_ == 1 && tail_.empty();
  if (single) statement_.replace(0, std::string_view("INSERT ").size(), "INSERT IGNORE ");
  std::uint64_t inserted = connection_.execute(statement_);
  statement_.clear();
  pendingRows_ = 0;
  if (single && inserted == 0) {
    auto refused = ServerWarnings::fetch(connection_, 1);
    if (refused.empty()) throw mariadb::DatabaseError("a row was not inserted, and the server said why not", 0);
    throw mariadb::DatabaseError(refused.front().message, refused.front().code);
  }
  // A multi-row INSERT reports its warnings in the info line; a single-row one has none, so ask.
  std::string info = connection_.info();
  std::uint64_t warnings = info.empty() ? (keepWarnings_ ? ServerWarnings::count(connection_) : 0)
                                        : ServerWarnings::countFromInfo(info);
  if (warnings) {
    warningCount_ += warnings;
    if (warnings_.size() < keepWarnings_) {
      for (auto& warning : ServerWarnings::fetch(connection_, keepWarnings_ - warnings_.size()))
        warnings_.push_back(std::move(warning));
    }
  }
}

}  // namespace m2stage::load
