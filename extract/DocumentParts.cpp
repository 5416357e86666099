#include "extract/DocumentParts.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

namespace m2stage::extract {

namespace {

// Additive to staging format 1: files without it simply have no split documents.
constexpr const char* kTable = R"SQL(
CREATE TABLE IF NOT EXISTS extract_part (
  run_id        INTEGER NOT NULL,
  document      TEXT NOT NULL,
  part_no       INTEGER NOT NULL,
  key_after     INTEGER,
  key_up_to     INTEGER,
  state         TEXT NOT NULL CHECK (state IN ('pending', 'done')),
  rows          INTEGER NOT NULL DEFAULT 0,
  last_rowid    INTEGER,
  PRIMARY KEY (run_id, document, part_no)
))SQL";

void bindOptional(SQLite::Statement& statement, int index, const std::optional<std::int64_t>& value) {
  if (value) statement.bind(index, *value);
  else statement.bind(index);
}

std::optional<std::int64_t> optionalInteger(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

}  // namespace

DocumentParts::DocumentParts(stage::StageFile& stage) : stage_(stage) { stage_.db().exec(kTable); }

std::vector<DocumentPart> DocumentParts::load(std::int64_t run, const std::string& document) {
  SQLite::Statement query(stage_.db(),
                          "SELECT part_no, key_after, key_up_to, state, rows, last_rowid FROM extract_part "
                          "WHERE run_id = ? AND document = ? ORDER BY part_no");
  query.bind(1, run);
  query.bind(2, document);
  std::vector<DocumentPart> parts;
  while (query.executeStep()) {
    parts.push_back({query.getColumn(0).getInt64(), optionalInteger(query.getColumn(1)), optionalInteger(query.getColumn(2)),
                     query.getColumn(3).getString() == "done", query.getColumn(4).getInt64(),
                     optionalInteger(query.getColumn(5))});
  }
  return parts;
}

void DocumentParts::create(std::int64_t run, const std::string& document, const std::vector<DocumentPart>& parts) {
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  for (const auto& part : parts) save(run, document, part);
  transaction.commit();
}

void DocumentParts::save(std::int64_t run, const std::string& document, const DocumentPart& part) {
  SQLite::Statement upsert(stage_.db(),
                           "INSERT OR REPLACE INTO extract_part (run_id, document, part_no, key_after, key_up_to, state, "
                           "rows, last_rowid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  upsert.bind(1, run);
  upsert.bind(2, document);
  upsert.bind(3, part.number);
  bindOptional(upsert, 4, part.after);
  bindOptional(upsert, 5, part.upTo);
  upsert.bind(6, part.done ? "done" : "pending");
  upsert.bind(7, part.rows);
  bindOptional(upsert, 8, part.lastRowid);
  upsert.exec();
}

std::vector<DocumentPart> DocumentParts::plan(std::int64_t min, std::int64_t max, unsigned count) {
  std::vector<DocumentPart> parts;
  // In long double so max - min cannot overflow for keys spanning the whole BIGINT range.
  long double step = (static_cast<long double>(max) - static_cast<long double>(min) + 1) / count;
  std::optional<std::int64_t> after;
  for (unsigned i = 0; i < count; ++i) {
    DocumentPart part;
    part.number = i;
    part.after = after;
    if (i + 1 < count) {
      auto bound = static_cast<std::int64_t>(static_cast<long double>(min) + step * (i + 1)) - 1;
      if (after && bound <= *after) continue;  // fewer keys than parts
      part.upTo = bound;
      after = bound;
    }
    parts.push_back(part);
  }
  for (std::size_t i = 0; i < parts.size(); ++i) parts[i].number = static_cast<std::int64_t>(i);
  return parts;
}

}  // namespace m2stage::extract
