// Writes a chunk of rows into a Magento 2 table with `LOAD DATA LOCAL INFILE`, streaming the
// rows to the server through Connector/C's local-infile callbacks (no file on disk). This is the
// fast path; BatchInserter (multi-row INSERT) is the fallback when the server refuses it, and the
// path for tables with binary columns: the server scans the stream as utf8mb4 text, so raw bytes
// could swallow a separator, and a SET clause (UNHEX) makes MariaDB ignore NO_AUTO_VALUE_ON_ZERO.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mariadb/Connection.hpp"
#include "stage/RowTable.hpp"

namespace m2stage::load {

class InfileLoader {
 public:
  InfileLoader(mariadb::Connection& connection, const std::string& serverTable, const std::vector<std::string>& columns);

  // Streams every row of `reader`, handing each to `sent` too; returns the rows the server inserted.
  std::uint64_t load(stage::RowTable::Reader& reader,
                     const std::function<void(const std::vector<schema::Value>&)>& sent = {});

 private:
  void encodeRow(const std::vector<schema::Value>& row);

  mariadb::Connection& connection_;
  std::string statement_;
  std::string pending_;        // encoded bytes not yet handed to the client library
  std::size_t pendingOffset_ = 0;
};

// True when the server refused LOAD DATA LOCAL (local_infile off or not allowed), so the caller
// should fall back to INSERT statements.
bool isLocalInfileRefused(const mariadb::DatabaseError& error);

}  // namespace m2stage::load
