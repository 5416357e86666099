// The server's warnings about the last statement. Non-strict SQL mode (the official session) turns
// errors into warnings: NULL into a NOT NULL column becomes ''/0, a too-long value is cut, and
// LOAD DATA LOCAL skips a row that breaks a unique key. Load reports them instead of hiding them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mariadb/Connection.hpp"

namespace m2stage::load {

struct ServerWarning {
  unsigned code = 0;
  std::string message;
};

class ServerWarnings {
 public:
  static constexpr unsigned kDuplicateEntry = 1062;

  // The warning count in mysql_info() ("Records: 3  Deleted: 0  Skipped: 1  Warnings: 2"); no round trip.
  static std::uint64_t countFromInfo(const std::string& info);
  // The last statement's warnings, at most `limit` (one round trip; call only when there are some).
  static std::vector<ServerWarning> fetch(mariadb::Connection& connection, std::size_t limit);
  // The last statement's warning count, for statements without an info line (single-row INSERT).
  static std::uint64_t count(mariadb::Connection& connection);
};

}  // namespace m2stage::load
