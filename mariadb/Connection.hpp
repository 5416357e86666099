// One connection to a MariaDB/MySQL server through MariaDB Connector/C, set up as the official
// tool sets up its sessions (SQL_MODE, init statements, FOREIGN_KEY_CHECKS=0), always utf8mb4.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "schema/Config.hpp"

struct st_mysql;
struct st_mysql_res;

namespace m2stage::mariadb {

// A failed database call. The message names the server, and the statement's object where known.
class DatabaseError : public std::runtime_error {
 public:
  DatabaseError(const std::string& message, unsigned code) : std::runtime_error(message), code_(code) {}
  unsigned code() const { return code_; }
  // Lost connection ("server has gone away", timeouts): worth a reconnect and retry.
  bool isConnectionLost() const;

 private:
  unsigned code_;
};

// Backtick-quotes an identifier, doubling backticks inside it.
std::string quoteIdentifier(std::string_view name);

using Row = std::vector<std::optional<std::string>>;

// Rows of a query streamed from the server one at a time (mysql_use_result): nothing is buffered
// beyond the current row. The connection is busy until the stream is finished or destroyed.
class ResultStream {
 public:
  ResultStream(st_mysql* connection, st_mysql_res* result);
  ResultStream(ResultStream&& other) noexcept;
  ResultStream& operator=(ResultStream&&) = delete;
  ~ResultStream();

  // Advances to the next row; false at the end. Throws DatabaseError if the stream broke.
  bool next();
  std::size_t columnCount() const { return columns_; }
  // The current row's cell: raw bytes, or nullopt for NULL. Valid until next().
  std::optional<std::string_view> cell(std::size_t index) const;
  std::string columnName(std::size_t index) const;

 private:
  st_mysql* connection_;
  st_mysql_res* result_;
  std::size_t columns_ = 0;
  char** row_ = nullptr;
  unsigned long* lengths_ = nullptr;
};

// How a connection receives text: converted to utf8mb4, or as the server stores it
// (character_set_results = binary, as mydumper reads), which spares the server a conversion pass
// over every value of a streamed table. selectExpression reads text as UTF-8 either way.
enum class TextResults { Utf8mb4, AsStored };

class Connection {
 public:
  Connection(const schema::DatabaseSettings& settings, std::vector<std::string> initStatements,
             TextResults text = TextResults::Utf8mb4);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs a statement; returns the rows it changed, as the server counts them (ROW_COUNT()), 0 for
  // a statement that changes none.
  std::uint64_t execute(std::string_view sql);
  // Buffered result for small metadata queries only.
  std::vector<Row> query(std::string_view sql);
  std::optional<std::string> queryValue(std::string_view sql);
  ResultStream stream(std::string_view sql);

  // A value as an SQL literal: NULL, 'escaped text' or, for binary columns, X'hex'.
  std::string literal(const std::optional<std::string>& value, bool binary) const;
  // The same with text as _utf8mb4'...': for staged values compared in a WHERE clause.
  std::string utf8Literal(const std::optional<std::string>& value, bool binary) const;
  std::string escape(std::string_view text) const;

  const schema::DatabaseSettings& settings() const { return settings_; }
  TextResults textResults() const { return text_; }
  unsigned long serverMaxAllowedPacket();

  // The server's summary of the last statement ("Records: 3  Deleted: 0  Skipped: 0  Warnings: 0").
  std::string info() const;
  // Reconnects with the same settings (after a lost connection).
  void reconnect();

 private:
  friend class BulkInsert;  // prepares its statement on this connection
  void connect();
  [[noreturn]] void fail(std::string_view sql) const;

  schema::DatabaseSettings settings_;
  std::vector<std::string> initStatements_;
  TextResults text_;
  st_mysql* handle_ = nullptr;
};

}  // namespace m2stage::mariadb
