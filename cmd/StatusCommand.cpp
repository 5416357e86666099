// `m2stage status`: runs with their state, per step and per document rows done of expected,
// throughput and verification, and the delta lag of delta runs. Reads the views of stage/Views.
#include <array>
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

constexpr std::array<const char*, 3> kSteps = {"extract", "transform", "load"};
constexpr const char* kStepOrder = "CASE step WHEN 'extract' THEN 1 WHEN 'transform' THEN 2 ELSE 3 END";

// "2026-11-22T02:19:19.924Z" as "2026-11-22 02:19:19Z": seconds are enough at a glance.
std::string shortTime(const std::string& at) {
  if (at.size() < 19) return at;
  std::string text = at.substr(0, 19) + "Z";
  text[10] = ' ';
  return text;
}

// 950, 12.3k, 4.1M: throughput is an order of magnitude, not an exact count.
std::string rate(const SQLite::Column& column) {
  if (column.isNull()) return "-";
  double value = column.getDouble();
  if (value >= 1e6) return fmt::format("{:.1f}M", value / 1e6);
  if (value >= 1e4) return fmt::format("{:.0f}k", value / 1e3);
  if (value >= 1e3) return fmt::format("{:.1f}k", value / 1e3);
  return fmt::format("{:.0f}", value);
}

std::string text(const SQLite::Column& column, const std::string& none = "-") {
  return column.isNull() ? none : column.getString();
}

std::string paint(bool colour, const std::string& value) {
  std::string start = colour ? TextTable::colourOf(value) : "";
  return start.empty() ? value : start + value + "\033[0m";
}

// The JSON of one step of a document (null when the step has not started), from document_status.
// Transform adds its counts in and out from transform_counts.
std::string stepObject(const std::string& step) {
  std::string counts =
      step != "transform"
          ? ""
          : ", 'counts', json((SELECT json_object('rows_in', c.rows_in, 'rows_out', c.rows_out, 'ignored_rows', "
            "c.ignored_rows, 'dropped_rows', c.dropped_rows, 'bad_values', c.bad_values, 'generated_rows', "
            "c.generated_rows, 'generated_into', c.generated_into, 'generated_by', c.generated_by) "
            "FROM transform_counts c WHERE c.run_id = x.run_id AND c.document = x.document))";
  return fmt::format(
      "json((SELECT json_object('state', x.state, 'rows_done', x.rows_done, 'rows_total', x.rows_total, "
      "'chunks', x.chunks, 'seconds', x.seconds, 'rows_per_second', x.rows_per_second, 'detail', x.detail, "
      "'started_at', x.started_at, 'finished_at', x.finished_at{}) "
      "FROM document_status x WHERE x.run_id = r.run_id AND x.document = n.document AND x.step = '{}'))",
      counts, step);
}

std::string statusJson(SQLite::Database& db, const Options& options) {
  std::string documents = "json((SELECT json_group_array(json(doc)) FROM (SELECT json_object('document', n.document, "
                          "'target', (SELECT MAX(x.target) FROM document x WHERE x.run_id = r.run_id AND x.document = n.document), "
                          "'verification', (SELECT x.verification FROM document_status x WHERE x.run_id = r.run_id "
                          "AND x.document = n.document AND x.step = 'load')";
  for (const char* step : kSteps) documents += fmt::format(", '{}', {}", step, stepObject(step));
  documents += ") AS doc FROM (SELECT DISTINCT document FROM document WHERE run_id = r.run_id ORDER BY document) n)))";
  std::string sql = fmt::format(
      "SELECT json_object('stage', ?2, 'runs', json((SELECT COALESCE(json_group_array(json(run)), '[]') FROM ("
      "SELECT json_object('run_id', r.run_id, 'kind', r.kind, 'mode', r.mode, 'state', r.state, "
      "'created_at', r.created_at, 'host', r.host, 'tool_version', r.tool_version, 'source', r.source, "
      "'destination', r.destination, 'started_at', r.started_at, 'finished_at', r.finished_at, 'seconds', r.seconds, "
      "'document_count', r.documents, 'extracted_rows', r.extracted_rows, 'transformed_rows', r.transformed_rows, "
      "'loaded_rows', r.loaded_rows, "
      "'findings', json_object('errors', r.errors, 'warnings', r.warnings), "
      "'verification', json_object('result', r.verification, 'mismatches', r.mismatches), "
      "'delta', CASE WHEN r.kind = 'delta' THEN json_object('pending_rows', r.pending_rows, 'documents', "
      "  json((SELECT json_group_array(json_object('document', l.document, 'staged_rows', l.staged_rows, "
      "  'loaded_rows', l.loaded_rows, 'pending_rows', l.pending_rows, 'staged_at', l.staged_at)) "
      "  FROM delta_lag l WHERE l.run_id = r.run_id AND l.pending_rows > 0))) END, "
      "'steps', json((SELECT json_group_array(json_object('step', s.step, 'state', s.state, 'rows', s.rows, "
      "'seconds', s.seconds, 'rows_per_second', s.rows_per_second, 'host', s.host, 'started_at', s.started_at, "
      "'finished_at', s.finished_at)) FROM (SELECT * FROM step_status WHERE run_id = r.run_id ORDER BY {}) s)), "
      "'documents', {}) AS run "
      "FROM run_summary r WHERE ?1 IS NULL OR r.run_id = ?1 ORDER BY r.run_id))))",
      kStepOrder, documents);
  return queryText(db, sql, [&](SQLite::Statement& query) {
    if (options.run) query.bind(1, *options.run); else query.bind(1);
    query.bind(2, options.stage);
  });
}

std::string statusCsv(SQLite::Database& db, const Options& options) {
  SQLite::Statement query(db, fmt::format("SELECT run_id, document, target, step, state, rows_done, rows_total, chunks, "
                                          "seconds, rows_per_second, verification, detail, started_at, finished_at "
                                          "FROM document_status WHERE ?1 IS NULL OR run_id = ?1 ORDER BY run_id, document, {}",
                                          kStepOrder));
  if (options.run) query.bind(1, *options.run); else query.bind(1);
  return TextTable::fromQuery(query).csv();
}

void printRun(SQLite::Database& db, std::int64_t run, bool colour) {
  SQLite::Statement summary(db, "SELECT kind, mode, state, created_at, host, source, destination, documents, errors, "
                                "warnings, verification, mismatches, pending_rows, load_state FROM run_summary WHERE run_id = ?");
  summary.bind(1, run);
  if (!summary.executeStep()) return;
  fmt::print("{}run {}{}  {} {}  {}  created {} on {}\n", colour ? "\033[1m" : "", run, colour ? "\033[0m" : "",
             text(summary.getColumn(0)), text(summary.getColumn(1)), paint(colour, text(summary.getColumn(2))),
             shortTime(text(summary.getColumn(3))), text(summary.getColumn(4)));
  fmt::print("  from {}\n  to   {}\n\n", text(summary.getColumn(5)), text(summary.getColumn(6)));

  SQLite::Statement steps(db, fmt::format("SELECT step, state, rows, seconds, rows_per_second, host, started_at, finished_at "
                                          "FROM step_status WHERE run_id = ? ORDER BY {}", kStepOrder));
  steps.bind(1, run);
  TextTable stepTable({{"step"}, {"state", false, true}, {"rows", true}, {"seconds", true}, {"rows/s", true}, {"host"},
                       {"started"}, {"finished"}});
  while (steps.executeStep())
    stepTable.add({text(steps.getColumn(0)), text(steps.getColumn(1)), text(steps.getColumn(2)),
                   steps.getColumn(3).isNull() ? "-" : fmt::format("{:.2f}", steps.getColumn(3).getDouble()),
                   rate(steps.getColumn(4)), text(steps.getColumn(5)), shortTime(text(steps.getColumn(6))),
                   shortTime(text(steps.getColumn(7)))});
  if (stepTable.empty()) {
    fmt::print("  no step started yet\n\n");
    return;
  }
  std::cout << stepTable.render(colour, "  ") << "\n";

  std::string documents = text(summary.getColumn(7));
  if (!summary.getColumn(13).isNull()) {
    std::string result = summary.getColumn(10).isNull() ? "not finished" : summary.getColumn(10).getString();
    fmt::print("  verification: {} ({} volume mismatches)\n", paint(colour, result), text(summary.getColumn(11)));
  } else {
    fmt::print("  verification: not loaded yet\n");
  }
  fmt::print("  findings:     {} errors, {} warnings\n", text(summary.getColumn(8)), text(summary.getColumn(9)));
  if (!summary.getColumn(12).isNull()) {
    SQLite::Statement lag(db, "SELECT COUNT(*), MIN(staged_at) FROM delta_lag WHERE run_id = ? AND pending_rows > 0");
    lag.bind(1, run);
    lag.executeStep();
    fmt::print("  delta lag:    {} changes staged but not loaded, in {} documents{}\n", text(summary.getColumn(12)),
               lag.getColumn(0).getInt64(),
               lag.getColumn(1).isNull() ? "" : ", oldest staged " + shortTime(lag.getColumn(1).getString()));
  }
  fmt::print("\n");

  // One line per document: each step's rows done/expected with its state and throughput.
  std::string select = "SELECT document, MAX(target)";
  for (const char* step : kSteps)
    select += fmt::format(", MAX(CASE WHEN step = '{0}' THEN state END), MAX(CASE WHEN step = '{0}' THEN rows_done END), "
                          "MAX(CASE WHEN step = '{0}' THEN rows_total END), MAX(CASE WHEN step = '{0}' THEN rows_per_second END)",
                          step);
  select += ", MAX(verification), MAX(CASE WHEN step = 'transform' THEN detail END), "
            "MAX(CASE WHEN step = 'load' THEN detail END) FROM document_status WHERE run_id = ? "
            "GROUP BY document ORDER BY document";
  SQLite::Statement perDocument(db, select);
  perDocument.bind(1, run);
  TextTable table({{"document → Magento 2 table"}, {"extract", true, true}, {"rows/s", true}, {"transform", true, true},
                   {"rows/s", true}, {"load", true, true}, {"rows/s", true}, {"verified", false, true}, {"detail", false, false, true}});
  while (perDocument.executeStep()) {
    // The Magento 2 table only where the map renames the document.
    std::string name = text(perDocument.getColumn(0));
    std::string target = text(perDocument.getColumn(1), "");
    std::vector<TextTable::Cell> cells = {target.empty() || target == name ? name : name + " → " + target};
    for (int step = 0; step < 3; ++step) {
      int first = 2 + step * 4;
      if (perDocument.getColumn(first).isNull()) {
        cells.emplace_back();
        cells.emplace_back();
        continue;
      }
      std::string rows = text(perDocument.getColumn(first + 1));
      if (!perDocument.getColumn(first + 2).isNull()) rows += "/" + perDocument.getColumn(first + 2).getString();
      cells.emplace_back(rows + " " + perDocument.getColumn(first).getString());
      cells.emplace_back(rate(perDocument.getColumn(first + 3)));
    }
    cells.emplace_back(text(perDocument.getColumn(14)));
    // Why transform's rows out differ from its rows in, then what load found.
    std::string detail = text(perDocument.getColumn(15), "");
    std::string loadDetail = text(perDocument.getColumn(16), "");
    if (!detail.empty() && !loadDetail.empty()) detail += "; ";
    cells.emplace_back(detail + loadDetail);
    table.add(std::move(cells));
  }
  fmt::print("  {} documents\n", documents);
  std::cout << table.render(colour, "  ") << "\n";
}

}  // namespace

int statusCommand(const Options& options) {
  auto format = parseOutputFormat(options.format);
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::MustExist);
  stage::Runs runs(stage);
  if (options.run && !runs.find(*options.run))
    throw stage::StageError(fmt::format("{}: no run {}", options.stage, *options.run));
  if (format == OutputFormat::Json) {
    std::cout << statusJson(stage.db(), options) << "\n";
    return kSuccess;
  }
  if (format == OutputFormat::Csv) {
    std::cout << statusCsv(stage.db(), options);
    return kSuccess;
  }
  auto all = runs.all();
  if (all.empty()) {
    fmt::print("{}: no runs yet\n", options.stage);
    return kSuccess;
  }
  bool colour = colourWanted();
  for (const auto& run : all) {
    if (options.run && run.id != *options.run) continue;
    printRun(stage.db(), run.id, colour);
  }
  return kSuccess;
}

}  // namespace m2stage::cmd
