// Rows sent to one INSERT statement prepared once and executed for many rows at a time through
// MariaDB's array binding (COM_STMT_BULK_EXECUTE). The server neither lexes nor parses the values,
// which makes this about as cheap for it as LOAD DATA; unlike LOAD DATA it is an INSERT, for which
// InnoDB takes the auto-increment mutex instead of a table lock held to the end of the statement,
// so several connections can write one table at once. Values travel as bytes (no escaping); text
// for a UTF-8 column travels as a binary parameter, which the server only checks for being
// well-formed instead of converting it character by character from the connection's utf8mb4
// (a fifth of its work inserting a text-heavy table).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mariadb/Connection.hpp"
#include "schema/Table.hpp"

struct st_mysql_stmt;

namespace m2stage::mariadb {

class BulkInsert {
 public:
  // Whether the server executes array-bound statements (MariaDB 10.2 and later; not MySQL).
  static bool supported(Connection& connection);
  // INSERT INTO `table` (`columns`...) VALUES (?, ...), prepared on `connection`.
  BulkInsert(Connection& connection, const std::string& table, const std::vector<schema::Column>& columns);
  ~BulkInsert();
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  enum class Added {
    Yes,
    // Not added: with it the pending rows would make a packet of more than `maxBytes`; the caller
    // flushes, then adds it (a batch stays under max_allowed_packet unless one row alone is larger).
    BatchFull,
    // Not added: a character outside utf8mb3 for a utf8mb3 column. Sent as bytes the server would
    // store '????' for it; only the conversion stores the '?' (and warning) of an INSERT.
    NeedsConversion,
  };
  // Copies a row in; nothing is sent until flush().
  Added add(const std::vector<schema::Value>& row, std::size_t maxBytes);
  // Executes the pending rows; returns the rows the server inserted. Throws DatabaseError. The
  // pending rows are gone afterwards, sent or not.
  std::uint64_t flush();
  // Forgets the pending rows (a chunk written again starts from none).
  void discard();
  // The server's warnings for the last flush (non-strict coercions the caller reports).
  unsigned warningCount() const;

 private:
  std::string describe() const;  // the last error, naming the server and the statement
  static std::size_t rowBytes(const std::vector<schema::Value>& row);  // what a row adds to the packet

  Connection& connection_;
  std::string sql_;
  std::size_t columns_;
  std::vector<bool> asBytes_, utf8mb3_;  // per column: sent as a binary parameter; of a utf8mb3 column
  st_mysql_stmt* statement_ = nullptr;
  // Pending rows, row after row: the bytes of every value, where each starts, and NULL marks.
  std::string bytes_;
  std::vector<std::size_t> starts_;
  std::vector<unsigned long> lengths_;
  std::vector<char> nulls_;
  std::size_t rows_ = 0;
  std::size_t packetBytes_ = 0;
  // The same, column after column, as the array binding reads them (kept to reuse their memory).
  std::vector<char*> columnValues_;
  std::vector<unsigned long> columnLengths_;
  std::vector<char> columnIndicators_;
};

}  // namespace m2stage::mariadb
