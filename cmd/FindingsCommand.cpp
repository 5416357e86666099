// `m2stage findings`: the integrity and volume findings, with the official message text,
// grouped by run, step and kind, with counts. Filters: --run, --kind, --document.
#include <iostream>
#include <string>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "cmd/Commands.hpp"
#include "cmd/ExitCode.hpp"
#include "cmd/OutputFormat.hpp"
#include "cmd/TextTable.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::cmd {

namespace {

// The findings that pass the filters. Document-list findings (documents_not_mapped, ...) have no
// document of their own: --document matches them when their list names it.
constexpr const char* kSelected =
    "SELECT finding_id, run_id, step, kind, severity, side, document, fields, message, at FROM finding "
    "WHERE (?1 IS NULL OR run_id = ?1) AND (?2 IS NULL OR kind = ?2) "
    "AND (?3 IS NULL OR document = ?3 OR (document IS NULL AND instr(',' || fields || ',', ',' || ?3 || ',') > 0))";
constexpr const char* kStepOrder = "CASE step WHEN 'extract' THEN 1 WHEN 'transform' THEN 2 ELSE 3 END";

Binder filters(const Options& options) {
  return [&options](SQLite::Statement& query) {
    if (options.run) query.bind(1, *options.run); else query.bind(1);
    if (options.kind.empty()) query.bind(2); else query.bind(2, options.kind);
    if (options.document.empty()) query.bind(3); else query.bind(3, options.document);
  };
}

std::string findingsJson(SQLite::Database& db, const Options& options) {
  std::string sql = fmt::format(
      "WITH selected AS ({0}) "
      "SELECT json_object('total', (SELECT COUNT(*) FROM selected), "
      "'errors', (SELECT COUNT(*) FROM selected WHERE severity = 'error'), "
      "'warnings', (SELECT COUNT(*) FROM selected WHERE severity = 'warning'), "
      "'groups', json((SELECT COALESCE(json_group_array(json(g)), '[]') FROM ("
      "  SELECT json_object('run_id', k.run_id, 'step', k.step, 'kind', k.kind, 'count', COUNT(*), "
      "    'errors', SUM(k.severity = 'error'), 'warnings', SUM(k.severity = 'warning'), "
      "    'findings', json((SELECT json_group_array(json_object('finding_id', f.finding_id, 'severity', f.severity, "
      "      'side', f.side, 'document', f.document, 'fields', f.fields, 'message', f.message, 'at', f.at)) "
      "      FROM (SELECT * FROM selected s WHERE s.run_id = k.run_id AND s.step = k.step AND s.kind = k.kind "
      "            ORDER BY s.finding_id) f))) AS g "
      "  FROM selected k GROUP BY k.run_id, k.step, k.kind ORDER BY k.run_id, {1}, k.kind))))",
      kSelected, "CASE k.step WHEN 'extract' THEN 1 WHEN 'transform' THEN 2 ELSE 3 END");
  return queryText(db, sql, filters(options));
}

}  // namespace

int findingsCommand(const Options& options) {
  auto format = parseOutputFormat(options.format);
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::MustExist);
  if (options.run && !stage::Runs(stage).find(*options.run))
    throw stage::StageError(fmt::format("{}: no run {}", options.stage, *options.run));
  auto& db = stage.db();
  if (format == OutputFormat::Json) {
    std::cout << findingsJson(db, options) << "\n";
    return kSuccess;
  }
  SQLite::Statement query(db, fmt::format("SELECT run_id, step, kind, severity, side, document, fields, message, finding_id "
                                          "FROM ({}) ORDER BY run_id, {}, kind, finding_id",
                                          kSelected, kStepOrder));
  filters(options)(query);
  if (format == OutputFormat::Csv) {
    std::cout << TextTable::fromQuery(query).csv();
    return kSuccess;
  }

  // Table: a heading per run, step and kind with its count, then its findings.
  bool colour = colourWanted();
  struct Group {
    std::string heading;
    TextTable rows{{{"severity", false, true}, {"side"}, {"document"}, {"message"}}};
    int errors = 0, warnings = 0;
  };
  std::vector<Group> groups;
  int errors = 0, warnings = 0;
  while (query.executeStep()) {
    std::string heading = fmt::format("run {} · {} · {}", query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                                      query.getColumn(2).getString());
    if (groups.empty() || groups.back().heading != heading) groups.push_back({heading});
    auto& group = groups.back();
    std::string severity = query.getColumn(3).getString();
    (severity == "error" ? group.errors : group.warnings)++;
    (severity == "error" ? errors : warnings)++;
    auto cell = [&](int column) -> TextTable::Cell {
      if (query.getColumn(column).isNull()) return std::nullopt;
      return query.getColumn(column).getString();
    };
    group.rows.add({severity, cell(4), cell(5), cell(7)});
  }
  for (const auto& group : groups) {
    fmt::print("{}{}{}: {} {} ({} errors, {} warnings)\n", colour ? "\033[1m" : "", group.heading, colour ? "\033[0m" : "",
               group.rows.size(), group.rows.size() == 1 ? "finding" : "findings", group.errors, group.warnings);
    std::cout << group.rows.render(colour, "  ") << "\n";
  }
  fmt::print("{} {}: {} errors, {} warnings\n", errors + warnings, errors + warnings == 1 ? "finding" : "findings", errors,
             warnings);
  return kSuccess;
}

}  // namespace m2stage::cmd
