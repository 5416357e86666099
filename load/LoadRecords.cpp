#include "load/LoadRecords.hpp"

#include <charconv>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <spdlog/spdlog.h>

#include "stage/Clock.hpp"

namespace m2stage::load {

namespace {

constexpr const char* kTables = R"SQL(
CREATE TABLE IF NOT EXISTS verification (
  run_id          INTEGER NOT NULL,
  document        TEXT NOT NULL,
  chunk_no        INTEGER,
  key_from        TEXT,
  key_to          TEXT,
  rows            INTEGER NOT NULL,
  loaded_rows     INTEGER NOT NULL,
  staged_checksum TEXT NOT NULL,
  loaded_checksum TEXT NOT NULL,
  result          TEXT NOT NULL CHECK (result IN ('ok', 'mismatch', 'warned')),
  detail          TEXT,
  at              TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS verification_chunk ON verification (run_id, document, IFNULL(chunk_no, -1));
CREATE TABLE IF NOT EXISTS load_note (
  run_id          INTEGER NOT NULL,
  document        TEXT NOT NULL,
  chunk_no        INTEGER NOT NULL,
  skipped_rowids  TEXT NOT NULL DEFAULT '',
  skipped         INTEGER NOT NULL DEFAULT 0,
  warnings        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, document, chunk_no)
);
)SQL";

void bindText(SQLite::Statement& statement, int index, const std::optional<std::string>& value) {
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

}  // namespace

LoadRecords::LoadRecords(stage::StageFile& stage) : stage_(stage) { stage_.db().exec(kTables); }

void LoadRecords::addFinding(std::int64_t run, const audit::Finding& finding) {
  audit::appendFindings(stage_, run, "load", {finding});
}

void LoadRecords::replaceFindings(std::int64_t run, const std::vector<std::pair<std::string, std::string>>& documentKinds,
                                  const std::vector<audit::Finding>& findings) {
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  for (const auto& [document, kind] : documentKinds) removeFindings(run, document, kind);
  for (const auto& finding : findings) {
    spdlog::warn("{}", finding.message);
    addFinding(run, finding);
  }
  transaction.commit();
}

void LoadRecords::removeFindings(std::int64_t run, const std::string& document, const std::string& kind) {
  SQLite::Statement remove(stage_.db(), "DELETE FROM finding WHERE run_id = ? AND step = 'load' AND document = ? AND kind = ?");
  remove.bind(1, run);
  remove.bind(2, document);
  remove.bind(3, kind);
  remove.exec();
}

std::int64_t LoadRecords::countFindings(std::int64_t run, const std::string& document, const std::string& kind) {
  SQLite::Statement query(stage_.db(),
                          "SELECT COUNT(*) FROM finding WHERE run_id = ? AND step = 'load' AND document = ? AND kind = ?");
  query.bind(1, run);
  query.bind(2, document);
  query.bind(3, kind);
  query.executeStep();
  return query.getColumn(0).getInt64();
}

void LoadRecords::setChunkNote(std::int64_t run, const std::string& document, std::int64_t chunk,
                               const std::set<std::int64_t>& skipped, std::int64_t warnings) {
  std::string rowids;
  for (auto rowid : skipped) rowids += (rowids.empty() ? "" : ",") + std::to_string(rowid);
  SQLite::Statement upsert(stage_.db(),
                           "INSERT OR REPLACE INTO load_note (run_id, document, chunk_no, skipped_rowids, skipped, warnings) "
                           "VALUES (?, ?, ?, ?, ?, ?)");
  upsert.bind(1, run);
  upsert.bind(2, document);
  upsert.bind(3, chunk);
  upsert.bind(4, rowids);
  upsert.bind(5, static_cast<std::int64_t>(skipped.size()));
  upsert.bind(6, warnings);
  upsert.exec();
}

std::set<std::int64_t> LoadRecords::skipped(std::int64_t run, const std::string& document, std::int64_t chunk) {
  SQLite::Statement query(stage_.db(), "SELECT skipped_rowids FROM load_note WHERE run_id = ? AND document = ? AND chunk_no = ?");
  query.bind(1, run);
  query.bind(2, document);
  query.bind(3, chunk);
  std::set<std::int64_t> rowids;
  if (!query.executeStep()) return rowids;
  std::string text = query.getColumn(0).getString();
  const char* position = text.data();
  const char* end = text.data() + text.size();
  while (position < end) {
    std::int64_t rowid = 0;
    auto [next, error] = std::from_chars(position, end, rowid);
    if (error != std::errc()) break;
    rowids.insert(rowid);
    position = next + 1;  // past the comma
  }
  return rowids;
}

std::int64_t LoadRecords::skippedRows(std::int64_t run, const std::string& document) {
  SQLite::Statement query(stage_.db(), "SELECT IFNULL(SUM(skipped), 0) FROM load_note WHERE run_id = ? AND document = ?");
  query.bind(1, run);
  query.bind(2, document);
  query.executeStep();
  return query.getColumn(0).getInt64();
}

std::int64_t LoadRecords::warnings(std::int64_t run, const std::string& document, std::int64_t chunk) {
  SQLite::Statement query(stage_.db(), "SELECT warnings FROM load_note WHERE run_id = ? AND document = ? AND chunk_no = ?");
  query.bind(1, run);
  query.bind(2, document);
  query.bind(3, chunk);
  return query.executeStep() ? query.getColumn(0).getInt64() : 0;
}

void LoadRecords::removeChunkNote(std::int64_t run, const std::string& document, std::int64_t chunk) {
  SQLite::Statement remove(stage_.db(), "DELETE FROM load_note WHERE run_id = ? AND document = ? AND chunk_no = ?");
  remove.bind(1, run);
  remove.bind(2, document);
  remove.bind(3, chunk);
  remove.exec();
}

void LoadRecords::saveVerification(const Verification& verification) {
  SQLite::Statement upsert(stage_.db(),
                           "INSERT OR REPLACE INTO verification (run_id, document, chunk_no, key_from, key_to, rows, "
                           "loaded_rows, staged_checksum, loaded_checksum, result, detail, at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  upsert.bind(1, verification.run);
  upsert.bind(2, verification.document);
  if (verification.chunk) {
    upsert.bind(3, *verification.chunk);
  } else {
    upsert.bind(3);
  }
  bindText(upsert, 4, verification.keyFrom);
  bindText(upsert, 5, verification.keyTo);
  upsert.bind(6, verification.rows);
  upsert.bind(7, verification.loadedRows);
  upsert.bind(8, verification.stagedChecksum);
  upsert.bind(9, verification.loadedChecksum);
  upsert.bind(10, verification.result);
  bindText(upsert, 11, verification.detail.empty() ? std::nullopt : std::optional(verification.detail));
  upsert.bind(12, stage::nowUtc());
  upsert.exec();
}

void LoadRecords::removeVerifications(std::int64_t run, const std::string& document) {
  SQLite::Statement remove(stage_.db(), "DELETE FROM verification WHERE run_id = ? AND document = ?");
  remove.bind(1, run);
  remove.bind(2, document);
  remove.exec();
}

std::vector<Verification> LoadRecords::verifications(std::int64_t run, const std::string& document) {
  SQLite::Statement query(stage_.db(), "SELECT chunk_no, result, IFNULL(detail, '') FROM verification "
                                       "WHERE run_id = ? AND document = ? AND chunk_no IS NOT NULL");
  query.bind(1, run);
  query.bind(2, document);
  std::vector<Verification> stored;
  while (query.executeStep()) {
    Verification verification;
    verification.run = run;
    verification.document = document;
    verification.chunk = query.getColumn(0).getInt64();
    verification.result = query.getColumn(1).getString();
    verification.detail = query.getColumn(2).getString();
    stored.push_back(std::move(verification));
  }
  return stored;
}

void LoadRecords::forgetDocument(std::int64_t run, const std::string& document, const std::string& target) {
  for (const char* sql : {"DELETE FROM load_note WHERE run_id = ? AND document = ?",
                          "DELETE FROM verification WHERE run_id = ? AND document = ?",
                          "DELETE FROM finding WHERE run_id = ? AND step = 'load' AND document = ?"}) {
    SQLite::Statement remove(stage_.db(), sql);
    remove.bind(1, run);
    remove.bind(2, std::string(sql).find("finding") != std::string::npos ? target : document);
    remove.exec();
  }
}

void LoadRecords::forgetRun(std::int64_t run) {
  for (const char* sql : {"DELETE FROM load_note WHERE run_id = ?", "DELETE FROM verification WHERE run_id = ?",
                          "DELETE FROM finding WHERE run_id = ? AND step = 'load'"}) {
    SQLite::Statement remove(stage_.db(), sql);
    remove.bind(1, run);
    remove.exec();
  }
}

}  // namespace m2stage::load
