// `m2stage prune --before RUN`: deletes the staged rows ("m1.<doc>", "m2.<doc>") of runs below
// RUN, keeps their runs, progress, findings and audit trail, then VACUUMs and says what it freed.
#include <filesystem>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/AuditTrail.hpp"
#include "cmd/Commands.hpp"
#include "cmd/ExitCode.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::cmd {

namespace {

// The file alone, after folding the WAL back in (the size a copy of it would have).
std::uintmax_t fileBytes(stage::StageFile& stage) {
  stage.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return std::filesystem::file_size(stage.path());
}

}  // namespace

int pruneCommand(const Options& options) {
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::MustExist);
  auto& db = stage.db();
  std::int64_t before = *options.before;
  // The run named must exist, so prune always keeps at least one run's rows.
  if (!stage::Runs(stage).find(before))
    throw stage::StageError(fmt::format("{}: no run {}; --before names the oldest run to keep", options.stage, before));
  audit::AuditTrail audit(stage, options.commandLine);

  SQLite::Statement unloaded(db, "SELECT run_id FROM run_summary WHERE run_id < ? AND load_state IS NOT 'done' ORDER BY run_id");
  unloaded.bind(1, before);
  while (unloaded.executeStep())
    spdlog::warn("prune: run {} was never loaded completely; its staged rows are dropped and it cannot be loaded any more",
                 unloaded.getColumn(0).getInt64());

  std::uintmax_t bytesBefore = fileBytes(stage);
  std::vector<std::string> tables;
  SQLite::Statement list(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'm1.%' OR name LIKE 'm2.%') "
                             "ORDER BY name");
  while (list.executeStep()) tables.push_back(list.getColumn(0).getString());
  std::int64_t rows = 0;
  int touched = 0;
  {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    for (const auto& table : tables) {
      SQLite::Statement remove(db, "DELETE FROM " + stage::StageFile::quote(table) + " WHERE _run < ?");
      remove.bind(1, before);
      int removed = remove.exec();
      rows += removed;
      if (removed) ++touched;
    }
    transaction.commit();
  }
  db.exec("VACUUM");
  std::uintmax_t bytesAfter = fileBytes(stage);
  std::string detail = fmt::format("runs before {}: {} staged rows from {} tables; {} -> {} bytes", before, rows, touched,
                                   bytesBefore, bytesAfter);
  audit.record(std::nullopt, "prune", "", rows, detail);
  fmt::print("prune: {} staged rows of runs before {} removed from {} tables; audit, findings and progress kept\n", rows,
             before, touched);
  fmt::print("prune: {} bytes before, {} bytes after, {} bytes freed\n", bytesBefore, bytesAfter,
             bytesBefore > bytesAfter ? bytesBefore - bytesAfter : 0);
  return kSuccess;
}

}  // namespace m2stage::cmd
