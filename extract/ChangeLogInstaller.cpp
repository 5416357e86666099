#include "extract/ChangeLogInstaller.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "mariadb/Catalog.hpp"
#include "schema/XmlFile.hpp"

namespace m2stage::extract {

namespace {

constexpr unsigned kTableAccessDenied = 1142;      // ER_TABLEACCESS_DENIED_ERROR: "TRIGGER command denied"
constexpr unsigned kBinlogNeedsSuper = 1419;       // ER_BINLOG_CREATE_ROUTINE_NEED_SUPER

// True when an existing change-log can serve `keys` of `source` as it is: the same key columns
// with the source's types, and the two bookkeeping columns. A mismatching one would make the
// trigger fail, and with it the shop's own write.
bool fitsKeys(const schema::Table& changeLog, const schema::Table& source, const std::vector<std::string>& keys) {
  if (std::set(changeLog.primaryKey.begin(), changeLog.primaryKey.end()) != std::set(keys.begin(), keys.end()))
    return false;
  for (const auto& key : keys) {
    const auto* logged = changeLog.find(key);
    const auto* original = source.find(key);
    if (!logged || !original || logged->columnType != original->columnType) return false;
  }
  return changeLog.has("operation") && changeLog.has("processed");
}

// 'user'@'host' from CURRENT_USER()'s user@host.
std::string account(mariadb::Connection& connection) {
  std::string current = connection.queryValue("SELECT CURRENT_USER()").value_or("");
  auto at = current.rfind('@');
  if (at == std::string::npos) return connection.literal(current, false);
  return connection.literal(current.substr(0, at), false) + "@" + connection.literal(current.substr(at + 1), false);
}

}  // namespace

ChangeLogInstaller::ChangeLogInstaller(mariadb::Connection& connection, std::string sourcePrefix)
    : connection_(connection), names_(std::move(sourcePrefix)) {}

std::vector<ChangeLogTrigger> ChangeLogInstaller::triggersOf(const schema::GroupDocument& document) const {
  std::vector<ChangeLogTrigger> triggers;
  for (auto event : kTriggerEvents) triggers.emplace_back(names_, document.name, document.key, event);
  return triggers;
}

ChangeLogInstall ChangeLogInstaller::install(const schema::DocumentGroups& groups, bool reset) {
  auto catalog = mariadb::readCatalog(connection_);
  auto documents = groups.flattened();

  // Check everything before the first DDL, so bad input never leaves half an installation.
  std::map<std::string, std::string> changeLogOwners;
  for (const auto& document : documents) {
    if (document.key.empty())
      throw schema::InputError(fmt::format("deltalog: document {} has no key", document.name));
    std::string changeLog;
    try {
      changeLog = names_.changeLog(document.name);
    } catch (const std::invalid_argument& error) {
      throw schema::InputError(error.what());
    }
    auto [owner, added] = changeLogOwners.emplace(changeLog, document.name);
    if (!added)
      throw schema::InputError(fmt::format("deltalog: documents {} and {} would share the change-log {} (names are cut "
                                           "to 64 characters)",
                                           owner->second, document.name, changeLog));
    auto source = catalog.find(names_.table(document.name));
    if (source == catalog.end()) continue;
    for (const auto& key : document.key) {
      const auto* column = source->second.find(key);
      if (!column)
        throw schema::InputError(fmt::format("deltalog: key column {} of document {} is not a column of table {}", key,
                                             document.name, source->first));
      if (column->nullable)
        spdlog::warn("deltalog: key column {}.{} allows NULL; writing a row with NULL there will fail while change "
                     "capture is installed",
                     source->first, key);
    }
  }

  ChangeLogInstall result;
  for (const auto& document : documents) {
    auto source = catalog.find(names_.table(document.name));
    if (source == catalog.end()) {
      result.missing.push_back(document.name);
      continue;
    }
    auto triggers = triggersOf(document);
    auto existing = catalog.find(triggers.front().changeLog());
    ensureChangeLog(source->second, existing == catalog.end() ? nullptr : &existing->second, document.key, triggers,
                    reset, result);
    // The change-log exists before any trigger writes to it.
    for (const auto& trigger : triggers) installTrigger(trigger, result);
    result.installed.push_back(document.name);
  }
  spdlog::debug("change capture: {} documents installed, {} missing, {} triggers merged", result.installed.size(),
                result.missing.size(), result.mergedTriggers.size());
  return result;
}

void ChangeLogInstaller::ensureChangeLog(const schema::Table& source, const schema::Table* existing,
                                         const std::vector<std::string>& keys,
                                         const std::vector<ChangeLogTrigger>& triggers, bool reset,
                                         ChangeLogInstall& result) {
  const std::string& changeLog = triggers.front().changeLog();
  std::string quoted = mariadb::quoteIdentifier(changeLog);
  if (existing) {
    if (fitsKeys(*existing, source, keys)) {
      if (reset) {
        connection_.execute("TRUNCATE TABLE " + quoted);
        result.truncated.push_back(changeLog);
      }
      return;
    }
    // Installed with another key (or by another tool): take our statements out first, so no
    // trigger writes to the change-log while it is being replaced.
    spdlog::warn("change-log {} does not match key ({}) of {}: recreating it; its pending rows are discarded", changeLog,
                 fmt::join(keys, ","), source.name);
    ChangeLogRemoval detached;
    detach(triggers, detached);
    connection_.execute("DROP TABLE " + quoted);
  }
  // Key columns keep the source column's own type (upstream forces INT, which truncates a
  // decimal key such as tier price qty so the row never joins back).
  std::string columns;
  std::vector<std::string> primaryKey;
  for (const auto& key : keys) {
    columns += fmt::format("{} {} NOT NULL, ", mariadb::quoteIdentifier(key), source.find(key)->columnType);
    primaryKey.push_back(mariadb::quoteIdentifier(key));
  }
  connection_.execute(fmt::format(
      "CREATE TABLE {} ({}`operation` TEXT NULL, `processed` TINYINT(1) NOT NULL DEFAULT 0, PRIMARY KEY ({})) "
      "ENGINE=InnoDB COMMENT={}",
      quoted, columns, fmt::join(primaryKey, ","),
      connection_.literal("m2stage change-log of " + source.name, false)));
}

void ChangeLogInstaller::installTrigger(const ChangeLogTrigger& trigger, ChangeLogInstall& result) {
  std::vector<ServerTrigger> sameEvent;
  for (auto& existing : ChangeLogTrigger::readAfterTriggers(connection_, trigger.table())) {
    if (existing.event == ChangeLogNames::keyword(trigger.event())) sameEvent.push_back(std::move(existing));
  }
  for (const auto& existing : sameEvent) {
    if (trigger.isIn(existing.body)) return;  // installed before
  }
  for (const auto& existing : sameEvent) {
    if (!trigger.anyVersionIn(existing.body)) continue;
    // Installed before with another key: swap our old statement for the current one.
    auto rest = trigger.removedFrom(existing.body);
    replaceTrigger(trigger, existing, rest ? trigger.mergedInto(*rest) : trigger.ownBody());
    (rest ? result.mergedTriggers : result.createdTriggers).push_back(existing.name);
    return;
  }
  if (!sameEvent.empty()) {
    // MySQL 5.6 allows one trigger per table, timing and event, so upstream merges into the
    // existing one; we do the same. The last one fires last, and stays last when recreated.
    const auto& last = sameEvent.back();
    replaceTrigger(trigger, last, trigger.mergedInto(last.body));
    result.mergedTriggers.push_back(last.name);
    return;
  }
  createTrigger(trigger, trigger.name(), trigger.ownBody());
  result.createdTriggers.push_back(trigger.name());
}

std::string ChangeLogInstaller::explainTriggerError(const mariadb::DatabaseError& error, const std::string& table) {
  const auto& database = connection_.settings().name;
  if (error.code() == kTableAccessDenied)
    return fmt::format("cannot install change capture on {}.{}: the user lacks the TRIGGER privilege; fix: GRANT "
                       "TRIGGER ON {}.* TO {}",
                       database, table, mariadb::quoteIdentifier(database), account(connection_));
  if (error.code() == kBinlogNeedsSuper)
    return fmt::format("cannot install change capture on {}.{}: binary logging is on and the user lacks SUPER; fix: "
                       "SET GLOBAL log_bin_trust_function_creators = 1",
                       database, table);
  return error.what();
}

void ChangeLogInstaller::createTrigger(const ChangeLogTrigger& trigger, const std::string& name,
                                       const std::string& body) {
  try {
    connection_.execute(trigger.createSql(name, body));
  } catch (const mariadb::DatabaseError& error) {
    if (error.code() != kTableAccessDenied && error.code() != kBinlogNeedsSuper) throw;
    throw mariadb::DatabaseError(explainTriggerError(error, trigger.table()), error.code());
  }
}

void ChangeLogInstaller::dropTrigger(const ChangeLogTrigger& trigger, const std::string& name) {
  try {
    connection_.execute("DROP TRIGGER " + mariadb::quoteIdentifier(name));
  } catch (const mariadb::DatabaseError& error) {
    if (error.code() != kTableAccessDenied && error.code() != kBinlogNeedsSuper) throw;
    throw mariadb::DatabaseError(explainTriggerError(error, trigger.table()), error.code());
  }
}

void ChangeLogInstaller::replaceTrigger(const ChangeLogTrigger& trigger, const ServerTrigger& existing,
                                        const std::string& body) {
  // DDL cannot be rolled back, so DROP + CREATE cannot share a transaction. A WRITE lock on the
  // table makes the shop's writers wait between the two instead of running without the
  // trigger. (MariaDB's CREATE OR REPLACE TRIGGER would avoid the gap too, but not on MySQL.)
  std::string sessionMode = connection_.queryValue("SELECT @@SESSION.sql_mode").value_or("");
  bool locked = false;
  try {
    connection_.execute("LOCK TABLES " + mariadb::quoteIdentifier(trigger.table()) + " WRITE");
    locked = true;
  } catch (const mariadb::DatabaseError& error) {
    if (error.isConnectionLost()) throw;
    spdlog::warn("cannot lock {} ({}); replacing trigger {} without a lock: writes in between are not captured",
                 trigger.table(), error.what(), existing.name);
  }
  auto release = [&] {
    if (locked) connection_.execute("UNLOCK TABLES");
    connection_.execute("SET SESSION sql_mode = " + connection_.literal(sessionMode, false));
  };
  try {
    dropTrigger(trigger, existing.name);
    // The body keeps running under the SQL_MODE it was written for. Its DEFINER becomes the
    // current user (setting another needs SUPER), as with upstream's merge.
    connection_.execute("SET SESSION sql_mode = " + connection_.literal(existing.sqlMode, false));
    try {
      createTrigger(trigger, existing.name, body);
    } catch (const std::exception&) {
      // Never lose a third-party trigger: put the original back before reporting.
      try {
        createTrigger(trigger, existing.name, existing.body);
      } catch (const std::exception& again) {
        spdlog::error("trigger {} on {} was dropped and could not be recreated ({}); its body was: {}", existing.name,
                      trigger.table(), again.what(), existing.body);
      }
      throw;
    }
  } catch (...) {
    try {
      release();
    } catch (const std::exception& error) {
      spdlog::warn("releasing {} failed: {}", trigger.table(), error.what());
    }
    throw;
  }
  release();
}

void ChangeLogInstaller::detach(const std::vector<ChangeLogTrigger>& triggers, ChangeLogRemoval& result) {
  auto existing = ChangeLogTrigger::readAfterTriggers(connection_, triggers.front().table());
  for (const auto& trigger : triggers) {
    for (const auto& server : existing) {
      if (server.event != ChangeLogNames::keyword(trigger.event()) || !trigger.anyVersionIn(server.body)) continue;
      if (auto rest = trigger.removedFrom(server.body)) {
        replaceTrigger(trigger, server, *rest);
        result.restoredTriggers.push_back(server.name);
      } else {
        dropTrigger(trigger, server.name);
        result.droppedTriggers.push_back(server.name);
      }
    }
  }
}

ChangeLogRemoval ChangeLogInstaller::remove(const schema::DocumentGroups& groups) {
  std::set<std::string> tables;
  for (auto& row : connection_.query(fmt::format(
           "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = {} AND TABLE_TYPE = 'BASE TABLE'",
           connection_.literal(connection_.settings().name, false)))) {
    tables.insert(row[0].value_or(""));
  }
  ChangeLogRemoval result;
  for (const auto& document : groups.flattened()) {
    auto triggers = triggersOf(document);
    // Triggers first: a trigger left writing to a dropped change-log would fail the shop's writes.
    if (tables.contains(triggers.front().table())) detach(triggers, result);
    const auto& changeLog = triggers.front().changeLog();
    if (tables.contains(changeLog)) {
      connection_.execute("DROP TABLE " + mariadb::quoteIdentifier(changeLog));
      result.droppedChangeLogs.push_back(changeLog);
    }
  }
  return result;
}

}  // namespace m2stage::extract
