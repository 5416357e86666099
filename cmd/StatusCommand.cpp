#include <algorithm>
#include <array>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "cmd/Commands.hpp"
#include "cmd/ExitCode.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::cmd {

int statusCommand(const Options& options) {
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::MustExist);
  stage::Runs runs(stage);
  auto all = runs.all();
  if (all.empty()) {
    fmt::print("{}: no runs yet\n", options.stage);
    return kSuccess;
  }
  for (const auto& run : all) {
    if (options.run && run.id != *options.run) continue;
    fmt::print("run {} ({} {}) created {} on {}\n  from {}\n  to   {}\n", run.id, run.kind, run.mode, run.createdAt,
               run.host, run.source, run.destination);
    for (const char* step : {"extract", "transform", "load"}) {
      fmt::print("  {:<10} {}\n", step, runs.stepState(run.id, step).value_or("not started"));
    }
    SQLite::Statement query(stage.db(),
                            "SELECT p.document, "
                            "  MAX(CASE WHEN p.step = 'extract' THEN p.state || ' ' || p.rows END), "
                            "  MAX(CASE WHEN p.step = 'transform' THEN p.state || ' ' || p.rows END), "
                            "  MAX(CASE WHEN p.step = 'load' THEN p.state || ' ' || p.rows END), "
                            "  MAX(p.target), MAX(CASE WHEN p.step = 'load' THEN p.detail END) "
                            "FROM document p WHERE p.run_id = ? GROUP BY p.document ORDER BY p.document");
    query.bind(1, run.id);
    std::vector<std::array<std::string, 6>> lines;
    std::size_t width = 8;
    while (query.executeStep()) {
      auto text = [&](int column) { return query.getColumn(column).isNull() ? std::string("-") : query.getColumn(column).getString(); };
      lines.push_back({text(0), text(1), text(2), text(3), text(4), query.getColumn(5).isNull() ? "" : "  " + text(5)});
      width = std::max(width, lines.back()[0].size());
    }
    fmt::print("  {:<{}} {:<18} {:<18} {:<18} {}\n", "document", width, "extract", "transform", "load", "into");
    for (const auto& line : lines)
      fmt::print("  {:<{}} {:<18} {:<18} {:<18} {}{}\n", line[0], width, line[1], line[2], line[3], line[4], line[5]);
    SQLite::Statement findings(stage.db(), "SELECT severity, COUNT(*) FROM finding WHERE run_id = ? GROUP BY severity");
    findings.bind(1, run.id);
    while (findings.executeStep()) {
      fmt::print("  {} {}(s)\n", findings.getColumn(1).getInt64(), findings.getColumn(0).getString());
    }
  }
  return kSuccess;
}

}  // namespace m2stage::cmd
