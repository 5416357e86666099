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
  connection_.execute(statement_);
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
  statement_.clear();
  pendingRows_ = 0;
}

}  // namespace m2stage::load
