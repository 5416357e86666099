// `m2stage audit`: the audit trail folded into one line per command run (view command_history):
// command, host, arguments, start, end, outcome, rows. Filters: --since TIME, --run N.
#include <iostream>
#include <regex>
#include <string>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "cmd/Commands.hpp"
#include "cmd/ExitCode.hpp"
#include "cmd/OutputFormat.hpp"
#include "cmd/TextTable.hpp"
#include "schema/XmlFile.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::cmd {

namespace {

constexpr const char* kSelected =
    "SELECT command_id, run_id, host, command, arguments, started_at, finished_at, outcome, rows, detail, "
    "command_line, last_at, events FROM command_history "
    "WHERE (?1 IS NULL OR run_id = ?1) AND (?2 IS NULL OR last_at >= ?2) ORDER BY command_id";

// --since as the staging file's UTC text: a date or time SQLite understands ("2026-11-22",
// "2026-11-22 08:00"), or an age: 30m, 12h, 7d.
std::optional<std::string> sinceTime(SQLite::Database& db, const std::string& since) {
  if (since.empty()) return std::nullopt;
  std::smatch age;
  static const std::regex kAge(R"(^\s*(\d+)\s*([mhd])\s*$)");
  std::string sql = "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', ?)";
  std::string argument = since;
  if (std::regex_match(since, age, kAge)) {
    const char* unit = age[2] == "m" ? "minutes" : age[2] == "h" ? "hours" : "days";
    sql = "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?)";
    argument = fmt::format("-{} {}", age[1].str(), unit);
  }
  std::string time = queryText(db, sql, [&](SQLite::Statement& query) { query.bind(1, argument); });
  if (time.empty())
    throw schema::InputError(fmt::format("--since \"{}\": not a time (use 2026-11-22, \"2026-11-22 08:00\", 30m, 12h or 7d)", since));
  return time;
}

}  // namespace

int auditCommand(const Options& options) {
  auto format = parseOutputFormat(options.format);
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::MustExist);
  auto& db = stage.db();
  if (options.run && !stage::Runs(stage).find(*options.run))
    throw stage::StageError(fmt::format("{}: no run {}", options.stage, *options.run));
  auto since = sinceTime(db, options.since);
  Binder bind = [&](SQLite::Statement& query) {
    if (options.run) query.bind(1, *options.run); else query.bind(1);
    if (since) query.bind(2, *since); else query.bind(2);
  };
  if (format == OutputFormat::Json) {
    std::cout << jsonRows(db, kSelected, bind) << "\n";
    return kSuccess;
  }
  SQLite::Statement query(db, kSelected);
  bind(query);
  if (format == OutputFormat::Csv) {
    std::cout << TextTable::fromQuery(query).csv();
    return kSuccess;
  }
  TextTable table({{"started"}, {"finished"}, {"host"}, {"run", true}, {"command"}, {"outcome", false, true},
                   {"rows", true}, {"arguments"}, {"detail"}});
  auto cell = [&](int column) -> TextTable::Cell {
    if (query.getColumn(column).isNull()) return std::nullopt;
    return query.getColumn(column).getString();
  };
  while (query.executeStep())
    table.add({cell(5), cell(6), cell(2), cell(1), cell(3), cell(7), cell(8), cell(4), cell(9)});
  if (table.empty()) {
    fmt::print("{}: no commands recorded{}\n", options.stage, since ? " since " + *since : "");
    return kSuccess;
  }
  std::cout << table.render(colourWanted());
  return kSuccess;
}

}  // namespace m2stage::cmd
