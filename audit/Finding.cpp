#include "audit/Finding.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "stage/Clock.hpp"

namespace m2stage::audit {

Finding dataIncompatibility(const schema::DocumentTransformer::BadValue& bad, const std::string& key) {
  bool source = bad.side == schema::Side::Source;
  return {kDataIncompatibility,
          source ? "source" : "destination",
          bad.document,
          bad.field,
          fmt::format("Incompatibility in data. {} document: {}. Field: {}. Error: {}: {}", source ? "Source" : "Destination",
                      bad.document, bad.field, key, bad.reason),
          bad.fatal ? Severity::Error : Severity::Warning};
}

void saveFindings(stage::StageFile& stage, std::int64_t run, const std::string& step,
                  const std::vector<Finding>& findings, const std::vector<std::string>& keepKinds) {
  std::string sql = "DELETE FROM finding WHERE run_id = ? AND step = ?";
  if (!keepKinds.empty()) {
    sql += " AND kind NOT IN (?";
    for (std::size_t i = 1; i < keepKinds.size(); ++i) sql += ", ?";
    sql += ")";
  }
  SQLite::Statement remove(stage.db(), sql);
  remove.bind(1, run);
  remove.bind(2, step);
  for (std::size_t i = 0; i < keepKinds.size(); ++i) remove.bind(static_cast<int>(i + 3), keepKinds[i]);
  remove.exec();
  appendFindings(stage, run, step, findings);
}

void appendFindings(stage::StageFile& stage, std::int64_t run, const std::string& step,
                    const std::vector<Finding>& findings) {
  if (findings.empty()) return;
  SQLite::Statement insert(stage.db(),
                           "INSERT INTO finding (run_id, step, kind, side, document, fields, message, severity, at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  std::string at = stage::nowUtc();
  for (const auto& finding : findings) {
    insert.reset();
    insert.bind(1, run);
    insert.bind(2, step);
    insert.bind(3, finding.kind);
    insert.bind(4, finding.side);
    if (finding.document.empty()) insert.bind(5); else insert.bind(5, finding.document);
    if (finding.fields.empty()) insert.bind(6); else insert.bind(6, finding.fields);
    insert.bind(7, finding.message);
    insert.bind(8, finding.severity == Severity::Error ? "error" : "warning");
    insert.bind(9, at);
    insert.exec();
  }
}

}  // namespace m2stage::audit
