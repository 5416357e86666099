// The state of m2stage's change capture on the Magento 1 database, per document of a groups
// file (deltalog.xml): is the change-log there, which triggers hold our statement, and how many
// changes wait for delivery. Read-only.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "extract/ChangeLogNames.hpp"
#include "mariadb/Connection.hpp"
#include "schema/DocumentGroups.hpp"

namespace m2stage::extract {

struct ChangeLogState {
  std::string document;   // unprefixed, as in deltalog.xml
  std::string table;      // prefixed source table
  std::string changeLog;  // prefixed change-log table
  bool tablePresent = false;
  bool changeLogPresent = false;
  // Per kTriggerEvents (INSERT, UPDATE, DELETE): an AFTER trigger of the table holds our current
  // statement (ours, or a third-party trigger we merged into).
  std::array<bool, 3> triggers{};
  // Rows with processed = 0 and all rows; unset without a change-log. The official change-log
  // has no timestamp, so there is no age of the oldest change to report.
  std::optional<long long> pending;
  std::optional<long long> rows;

  // Change-log and all three triggers present.
  bool complete() const;
};

class ChangeLogStatus {
 public:
  ChangeLogStatus(mariadb::Connection& connection, std::string sourcePrefix);

  // One entry per document of `groups` (flattened: the last key wins), in groups-file order.
  std::vector<ChangeLogState> read(const schema::DocumentGroups& groups);

 private:
  mariadb::Connection& connection_;
  ChangeLogNames names_;
};

}  // namespace m2stage::extract
