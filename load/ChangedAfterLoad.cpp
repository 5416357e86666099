#include "load/ChangedAfterLoad.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace m2stage::load {

void recordChangedAfterLoad(audit::AuditTrail& audit, std::int64_t run, const std::string& table, std::int64_t rows,
                            const std::string& step) {
  if (rows > 0) audit.record(run, kChangedAfterLoad, table, rows, step);
}

std::map<std::string, std::string> changedAfterLoad(stage::StageFile& stage, std::int64_t run) {
  SQLite::Statement query(stage.db(), "SELECT document, detail, SUM(rows) FROM audit WHERE run_id = ? AND event = ? "
                                      "GROUP BY document, detail ORDER BY document, MIN(event_id)");
  query.bind(1, run);
  query.bind(2, kChangedAfterLoad);
  std::map<std::string, std::string> changed;
  while (query.executeStep()) {
    auto& text = changed[query.getColumn(0).getString()];
    text += fmt::format("{}{} {} rows", text.empty() ? "" : ", ", query.getColumn(1).getString(), query.getColumn(2).getInt64());
  }
  return changed;
}

}  // namespace m2stage::load
