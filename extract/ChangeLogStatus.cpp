#include "extract/ChangeLogStatus.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

#include "extract/ChangeLogTrigger.hpp"

namespace m2stage::extract {

bool ChangeLogState::complete() const {
  return changeLogPresent && triggers[0] && triggers[1] && triggers[2];
}

ChangeLogStatus::ChangeLogStatus(mariadb::Connection& connection, std::string sourcePrefix)
    : connection_(connection), names_(std::move(sourcePrefix)) {}

std::vector<ChangeLogState> ChangeLogStatus::read(const schema::DocumentGroups& groups) {
  std::set<std::string> tables;
  for (auto& row : connection_.query(fmt::format(
           "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = {} AND TABLE_TYPE = 'BASE TABLE'",
           connection_.literal(connection_.settings().name, false)))) {
    tables.insert(row[0].value_or(""));
  }
  // One read of all AFTER triggers, by table.
  std::map<std::string, std::vector<ServerTrigger>> triggersByTable;
  for (auto& trigger : ChangeLogTrigger::readAfterTriggers(connection_)) {
    triggersByTable[trigger.table].push_back(std::move(trigger));
  }

  std::vector<ChangeLogState> states;
  for (const auto& document : groups.flattened()) {
    ChangeLogState state;
    state.document = document.name;
    state.table = names_.table(document.name);
    state.changeLog = names_.changeLog(document.name);
    state.tablePresent = tables.contains(state.table);
    state.changeLogPresent = tables.contains(state.changeLog);
    for (std::size_t i = 0; i < kTriggerEvents.size(); ++i) {
      ChangeLogTrigger ours(names_, document.name, document.key, kTriggerEvents[i]);
      for (const auto& server : triggersByTable[state.table]) {
        if (server.event == ChangeLogNames::keyword(kTriggerEvents[i]) && ours.isIn(server.body))
          state.triggers[i] = true;
      }
    }
    if (state.changeLogPresent) {
      auto counts = connection_.query(fmt::format("SELECT COUNT(*), COALESCE(SUM(`processed` = 0), 0) FROM {}",
                                                  mariadb::quoteIdentifier(state.changeLog)));
      state.rows = std::stoll(counts.at(0).at(0).value_or("0"));
      state.pending = std::stoll(counts.at(0).at(1).value_or("0"));
    }
    states.push_back(std::move(state));
  }
  return states;
}

}  // namespace m2stage::extract
