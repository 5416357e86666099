// The capture statement m2stage puts in an AFTER trigger of one tracked table for one event, and
// how that statement is placed into, found in and taken out of trigger bodies (ours, or a
// third-party trigger we merged into).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/ChangeLogNames.hpp"
#include "mariadb/Connection.hpp"

namespace m2stage::extract {

// An AFTER trigger as the server reports it (INFORMATION_SCHEMA.TRIGGERS).
struct ServerTrigger {
  std::string name;
  std::string table;
  std::string event;    // INSERT, UPDATE or DELETE
  std::string body;     // ACTION_STATEMENT, verbatim as created
  std::string sqlMode;  // the SQL_MODE the body runs under
  long long order = 0;  // ACTION_ORDER: firing order among triggers of the same table and event
};

class ChangeLogTrigger {
 public:
  ChangeLogTrigger(const ChangeLogNames& names, const std::string& document, std::vector<std::string> keys,
                   TriggerEvent event);

  // The name m2stage gives a trigger it creates itself.
  const std::string& name() const { return name_; }
  const std::string& table() const { return table_; }
  const std::string& changeLog() const { return changeLog_; }
  TriggerEvent event() const { return event_; }

  // INSERT INTO `cl` (`k1`,`k2`,`operation`) VALUES (NEW.`k1`,NEW.`k2`,'INSERT')
  //   ON DUPLICATE KEY UPDATE `operation` = 'INSERT', `processed` = 0
  // (OLD. for DELETE). Resetting `processed` fixes upstream's lost update: a row changed again
  // after delta marked it processed, but before the purge, must be delivered again.
  const std::string& statement() const { return statement_; }
  // The body of a trigger that is only ours: BEGIN, the statement, END (upstream's layout).
  std::string ownBody() const;

  // True when `body` holds exactly this statement (current keys).
  bool isIn(std::string_view body) const;
  // True when `body` holds any m2stage statement writing to this change-log, whatever its
  // keys: also finds statements from an earlier install with another deltalog key.
  bool anyVersionIn(std::string_view body) const;
  // A third-party body followed by our statement. The old body is kept whole as one nested
  // statement (a BEGIN...END block nests), so its DECLAREs and labels stay valid.
  std::string mergedInto(std::string_view body) const;
  // `body` with every m2stage statement for this change-log taken out: a merged body gets its
  // original back; nullopt when nothing else remains, i.e. the trigger was only ours.
  std::optional<std::string> removedFrom(std::string_view body) const;

  // CREATE TRIGGER `name` AFTER <event> ON `table` FOR EACH ROW <body>
  std::string createSql(const std::string& triggerName, const std::string& body) const;

  // The AFTER triggers of the connection's schema, of one table or (empty) all, in firing order.
  static std::vector<ServerTrigger> readAfterTriggers(mariadb::Connection& connection, const std::string& table = "");

 private:
  // [start, end) of the first m2stage statement for this change-log at or after `from`.
  std::optional<std::pair<std::size_t, std::size_t>> findAny(std::string_view body, std::size_t from = 0) const;

  std::string table_, changeLog_, name_;
  TriggerEvent event_;
  std::string statement_;
};

}  // namespace m2stage::extract
