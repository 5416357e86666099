// Installs and removes m2stage's change capture on the Magento 1 database: for every document
// of a groups file (deltalog.xml) a change-log table m2_cl_<document> and AFTER INSERT, UPDATE
// and DELETE triggers that record the changed row's key in it. extract installs it before its
// snapshot, so every change after the snapshot reaches a change-log.
//
// DDL commits implicitly: call install() and remove() outside any transaction, on a connection
// used for nothing else meanwhile. The user needs CREATE, DROP, TRIGGER and LOCK TABLES.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "extract/ChangeLogNames.hpp"
#include "extract/ChangeLogTrigger.hpp"
#include "mariadb/Connection.hpp"
#include "schema/DocumentGroups.hpp"
#include "schema/Table.hpp"

namespace m2stage::extract {

struct ChangeLogInstall {
  std::vector<std::string> installed;       // documents now captured, in groups-file order
  std::vector<std::string> missing;         // documents absent from Magento 1 (unprefixed names)
  std::vector<std::string> createdTriggers;  // triggers m2stage created
  std::vector<std::string> mergedTriggers;   // existing triggers our statement was added to
  std::vector<std::string> truncated;       // change-logs emptied (reset)
};

struct ChangeLogRemoval {
  std::vector<std::string> droppedTriggers;   // triggers that held only our statement
  std::vector<std::string> restoredTriggers;  // third-party triggers our statement was taken out of
  std::vector<std::string> droppedChangeLogs;
};

class ChangeLogInstaller {
 public:
  ChangeLogInstaller(mariadb::Connection& connection, std::string sourcePrefix);

  // Installs capture for every document of `groups` (flattened: the last key wins).
  // Existing change-logs keep their rows unless `reset` (the --reset rerun), which empties them;
  // a change-log whose key no longer matches deltalog.xml is recreated. Triggers already holding
  // our statement are left alone, so reinstalling never duplicates anything.
  // Throws schema::InputError for a document without a key, a key column the table lacks, or two
  // documents sharing a change-log name; mariadb::DatabaseError (one line naming the table and
  // the fix) when the server refuses CREATE TRIGGER for lack of privilege or binary logging.
  ChangeLogInstall install(const schema::DocumentGroups& groups, bool reset);

  // Takes out exactly what install() put in for the documents of `groups`: our statements
  // (whatever key they were installed with), our triggers and our change-log tables. Merged
  // third-party triggers are recreated as they were before.
  ChangeLogRemoval remove(const schema::DocumentGroups& groups);

  // The one-line explanation for a refused CREATE/DROP TRIGGER (codes 1142, 1419), or the
  // server's message for other codes.
  std::string explainTriggerError(const mariadb::DatabaseError& error, const std::string& table);

 private:
  // Creates the change-log, or keeps (reset: empties) a fitting `existing` one.
  void ensureChangeLog(const schema::Table& source, const schema::Table* existing, const std::vector<std::string>& keys,
                       const std::vector<ChangeLogTrigger>& triggers, bool reset, ChangeLogInstall& result);
  void installTrigger(const ChangeLogTrigger& trigger, ChangeLogInstall& result);
  // Takes our statements for this table's change-log out of its triggers.
  void detach(const std::vector<ChangeLogTrigger>& triggers, ChangeLogRemoval& result);
  void createTrigger(const ChangeLogTrigger& trigger, const std::string& name, const std::string& body);
  // Replaces an existing trigger's body under its name, with its SQL_MODE, the table locked.
  void replaceTrigger(const ChangeLogTrigger& trigger, const ServerTrigger& existing, const std::string& body);
  void dropTrigger(const ChangeLogTrigger& trigger, const std::string& name);
  std::vector<ChangeLogTrigger> triggersOf(const schema::GroupDocument& document) const;

  mariadb::Connection& connection_;
  ChangeLogNames names_;
};

}  // namespace m2stage::extract
