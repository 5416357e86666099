#include "mariadb/BulkInsert.hpp"

#include <mysql.h>

#include <cstring>
#include <string_view>

#include <fmt/format.h>

namespace m2stage::mariadb {

namespace {

// Whether UTF-8 `text` holds a 4-byte character (one utf8mb3 cannot hold): a lead byte of 0xF0 or
// above. Eight bytes at a time, as this looks at every byte of the text a load sends.
bool hasFourByteCharacter(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    // Bit 7 of a byte survives when that byte's top four bits are all set.
    if (word & (word << 1) & (word << 2) & (word << 3) & 0x8080808080808080ULL) return true;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0xF0) return true;
  }
  return false;
}

}  // namespace

bool BulkInsert::supported(Connection& connection) {
  unsigned long capabilities = 0, extended = 0;
  mariadb_get_infov(connection.handle_, MARIADB_CONNECTION_SERVER_CAPABILITIES, &capabilities);
  mariadb_get_infov(connection.handle_, MARIADB_CONNECTION_EXTENDED_SERVER_CAPABILITIES, &extended);
  return !(capabilities & CLIENT_MYSQL) && (extended & (MARIADB_CLIENT_STMT_BULK_OPERATIONS >> 32));
}

BulkInsert::BulkInsert(Connection& connection, const std::string& table, const std::vector<schema::Column>& columns)
    : connection_(connection), columns_(columns.size()) {
  std::string targets, marks;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    targets += (i ? ", " : "") + quoteIdentifier(columns[i].name);
    marks += i ? ", ?" : "?";
    asBytes_.push_back(columns[i].isUtf8Text());
    utf8mb3_.push_back(columns[i].charset == "utf8mb3");
  }
  sql_ = "INSERT INTO " + quoteIdentifier(table) + " (" + targets + ") VALUES (" + marks + ")";
  statement_ = mysql_stmt_init(connection_.handle_);
  if (!statement_) throw DatabaseError("out of memory preparing a bulk insert", 0);
  if (mysql_stmt_prepare(statement_, sql_.data(), sql_.size()) != 0) {
    DatabaseError error(describe(), mysql_stmt_errno(statement_));
    mysql_stmt_close(statement_);  // the destructor does not run for a constructor that throws
    throw error;
  }
}

BulkInsert::~BulkInsert() { mysql_stmt_close(statement_); }

std::string BulkInsert::describe() const {
  return fmt::format("error on {}: {} (in: {}...)", connection_.settings().describe(), mysql_stmt_error(statement_),
                     sql_.substr(0, 200));
}

std::size_t BulkInsert::rowBytes(const std::vector<schema::Value>& row) {
  // Each value travels as an indicator byte, a length (1, 3, 4 or 9 bytes) and its bytes.
  std::size_t bytes = 0;
  for (const auto& value : row) {
    std::size_t size = value ? value->size() : 0;
    bytes += 1 + (size < 251 ? 1 : size < (1u << 16) ? 3 : size < (1u << 24) ? 4 : 9) + size;
  }
  return bytes;
}

void BulkInsert::discard() {
  bytes_.clear();
  starts_.clear();
  lengths_.clear();
  nulls_.clear();
  rows_ = 0;
  packetBytes_ = 0;
}

BulkInsert::Added BulkInsert::add(const std::vector<schema::Value>& row, std::size_t maxBytes) {
  for (std::size_t column = 0; column < columns_; ++column) {
    if (utf8mb3_[column] && row[column] && hasFourByteCharacter(*row[column])) return Added::NeedsConversion;
  }
  std::size_t bytes = rowBytes(row);
  if (rows_ > 0 && packetBytes_ + bytes > maxBytes) return Added::BatchFull;
  packetBytes_ += bytes;
  for (const auto& value : row) {
    starts_.push_back(bytes_.size());
    lengths_.push_back(value ? static_cast<unsigned long>(value->size()) : 0);
    nulls_.push_back(value ? STMT_INDICATOR_NONE : STMT_INDICATOR_NULL);
    if (value) bytes_ += *value;
  }
  ++rows_;
  return Added::Yes;
}

std::uint64_t BulkInsert::flush() {
  if (rows_ == 0) return 0;
  // Column-wise arrays, as Connector/C's array binding reads them: for column c, the values of
  // rows 0..n-1. The pointers are taken now that bytes_ no longer moves.
  columnValues_.resize(columns_ * rows_);
  columnLengths_.resize(columns_ * rows_);
  columnIndicators_.resize(columns_ * rows_);
  for (std::size_t row = 0; row < rows_; ++row) {
    for (std::size_t column = 0; column < columns_; ++column) {
      std::size_t from = row * columns_ + column, to = column * rows_ + row;
      columnValues_[to] = bytes_.data() + starts_[from];
      columnLengths_[to] = lengths_[from];
      columnIndicators_[to] = nulls_[from];
    }
  }
  std::vector<MYSQL_BIND> binds(columns_);
  for (std::size_t column = 0; column < columns_; ++column) {
    MYSQL_BIND& bind = binds[column];
    bind = MYSQL_BIND{};
    // A BLOB parameter is a binary string: stored into a UTF-8 column as it is (checked, not converted).
    bind.buffer_type = asBytes_[column] ? MYSQL_TYPE_BLOB : MYSQL_TYPE_STRING;
    bind.buffer = columnValues_.data() + column * rows_;
    bind.length = columnLengths_.data() + column * rows_;
    bind.u.indicator = columnIndicators_.data() + column * rows_;
  }
  unsigned int arraySize = static_cast<unsigned int>(rows_);
  bool sent = mysql_stmt_attr_set(statement_, STMT_ATTR_ARRAY_SIZE, &arraySize) == 0 &&
              mysql_stmt_bind_param(statement_, binds.data()) == 0 && mysql_stmt_execute(statement_) == 0;
  // Whatever happened, these rows are done with: a failed batch is rolled back with its chunk and
  // written again from the staging file, never sent a second time from here.
  discard();
  if (!sent) throw DatabaseError(describe(), mysql_stmt_errno(statement_));
  return mysql_stmt_affected_rows(statement_);
}

unsigned BulkInsert::warningCount() const { return mysql_stmt_warning_count(statement_); }

}  // namespace m2stage::mariadb
