#include "stage/Runs.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>

#include "Version.hpp"
#include "stage/Clock.hpp"

namespace m2stage::stage {

namespace {

std::optional<std::string> optionalText(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

void bindOptional(SQLite::Statement& statement, int index, const std::optional<std::string>& value) {
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

Run readRun(SQLite::Statement& query) {
  return Run{query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getString(),
             query.getColumn(3).getString(), query.getColumn(4).getString(), query.getColumn(5).getString(),
             query.getColumn(6).getString(), query.getColumn(7).getString()};
}

constexpr const char* kRunColumns = "run_id, kind, mode, created_at, host, tool_version, source, destination";

}  // namespace

std::int64_t Runs::create(const std::string& kind, const std::string& mode, const std::string& source,
                          const std::string& destination) {
  SQLite::Statement insert(stage_.db(),
                           "INSERT INTO run (kind, mode, created_at, host, tool_version, source, destination) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, kind);
  insert.bind(2, mode);
  insert.bind(3, nowUtc());
  insert.bind(4, hostName());
  insert.bind(5, kVersion);
  insert.bind(6, source);
  insert.bind(7, destination);
  insert.exec();
  return stage_.db().getLastInsertRowid();
}

std::optional<Run> Runs::find(std::int64_t id) {
  SQLite::Statement query(stage_.db(), std::string("SELECT ") + kRunColumns + " FROM run WHERE run_id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return readRun(query);
}

std::optional<Run> Runs::latest(const std::string& kind, const std::string& mode) {
  SQLite::Statement query(stage_.db(), std::string("SELECT ") + kRunColumns +
                                           " FROM run WHERE kind = ? AND mode = ? ORDER BY run_id DESC LIMIT 1");
  query.bind(1, kind);
  query.bind(2, mode);
  if (!query.executeStep()) return std::nullopt;
  return readRun(query);
}

std::optional<std::pair<std::int64_t, std::int64_t>> Runs::stagedRowids(std::int64_t run, const std::string& document) {
  SQLite::Statement query(stage_.db(), "SELECT MIN(first_rowid), MAX(last_rowid) FROM chunk WHERE run_id = ? AND step = "
                                       "'extract' AND document = ? AND rows > 0");
  query.bind(1, run);
  query.bind(2, document);
  if (!query.executeStep() || query.getColumn(0).isNull()) return std::nullopt;
  return std::make_pair(query.getColumn(0).getInt64(), query.getColumn(1).getInt64());
}

std::int64_t Runs::lookupRun(std::int64_t run) {
  SQLite::Statement query(stage_.db(), "SELECT COALESCE((SELECT MAX(run_id) FROM run WHERE run_id <= ?1 AND kind = 'full' "
                                       "AND mode = 'data'), ?1)");
  query.bind(1, run);
  query.executeStep();
  return query.getColumn(0).getInt64();
}

std::vector<Run> Runs::all() {
  SQLite::Statement query(stage_.db(), std::string("SELECT ") + kRunColumns + " FROM run ORDER BY run_id");
  std::vector<Run> runs;
  while (query.executeStep()) runs.push_back(readRun(query));
  return runs;
}

std::optional<std::string> Runs::stepState(std::int64_t run, const std::string& step) {
  SQLite::Statement query(stage_.db(), "SELECT state FROM run_step WHERE run_id = ? AND step = ?");
  query.bind(1, run);
  query.bind(2, step);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

void Runs::startStep(std::int64_t run, const std::string& step) {
  SQLite::Statement upsert(stage_.db(),
                           "INSERT INTO run_step (run_id, step, state, started_at, host) VALUES (?, ?, 'running', ?, ?) "
                           "ON CONFLICT (run_id, step) DO UPDATE SET state = 'running', finished_at = NULL, "
                           "host = excluded.host");
  upsert.bind(1, run);
  upsert.bind(2, step);
  upsert.bind(3, nowUtc());
  upsert.bind(4, hostName());
  upsert.exec();
}

void Runs::finishStep(std::int64_t run, const std::string& step, const std::string& state, std::int64_t rows) {
  SQLite::Statement update(stage_.db(),
                           "UPDATE run_step SET state = ?, finished_at = ?, rows = ? WHERE run_id = ? AND step = ?");
  update.bind(1, state);
  update.bind(2, nowUtc());
  update.bind(3, rows);
  update.bind(4, run);
  update.bind(5, step);
  update.exec();
}

void Runs::resetStep(std::int64_t run, const std::string& step) {
  for (const char* table : {"run_step", "document", "chunk"}) {
    SQLite::Statement remove(stage_.db(), std::string("DELETE FROM ") + table + " WHERE run_id = ? AND step = ?");
    remove.bind(1, run);
    remove.bind(2, step);
    remove.exec();
  }
}

void Runs::saveConfig(std::int64_t run, const std::string& name, const std::string& content) {
  SQLite::Statement insert(stage_.db(), "INSERT OR REPLACE INTO config (run_id, name, content) VALUES (?, ?, ?)");
  insert.bind(1, run);
  insert.bind(2, name);
  insert.bind(3, content);
  insert.exec();
}

void Runs::saveSchema(std::int64_t run, const std::string& side, const schema::Table& table) {
  SQLite::Statement remove(stage_.db(), "DELETE FROM schema_column WHERE run_id = ? AND side = ? AND document = ?");
  remove.bind(1, run);
  remove.bind(2, side);
  remove.bind(3, table.name);
  remove.exec();
  SQLite::Statement insert(stage_.db(),
                           "INSERT INTO schema_column (run_id, side, document, ordinal, name, data_type, column_type, "
                           "nullable, auto_increment, key_ordinal, column_default, charset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const auto& column = table.columns[i];
    insert.bind(1, run);
    insert.bind(2, side);
    insert.bind(3, table.name);
    insert.bind(4, static_cast<int>(i + 1));
    insert.bind(5, column.name);
    insert.bind(6, column.dataType);
    insert.bind(7, column.columnType);
    insert.bind(8, column.nullable ? 1 : 0);
    insert.bind(9, column.autoIncrement ? 1 : 0);
    auto key = std::find(table.primaryKey.begin(), table.primaryKey.end(), column.name);
    if (key == table.primaryKey.end()) {
      insert.bind(10);
    } else {
      insert.bind(10, static_cast<int>(key - table.primaryKey.begin() + 1));
    }
    bindOptional(insert, 11, column.defaultValue);
    insert.bind(12, column.charset);
    insert.exec();
    insert.reset();
  }
}

std::map<std::string, schema::Table> Runs::loadSchema(std::int64_t run, const std::string& side) {
  SQLite::Statement query(stage_.db(),
                          "SELECT document, name, data_type, column_type, nullable, auto_increment, key_ordinal, column_default, "
                          "IFNULL(charset, '') "
                          "FROM schema_column WHERE run_id = ? AND side = ? ORDER BY document, ordinal");
  query.bind(1, run);
  query.bind(2, side);
  std::map<std::string, schema::Table> tables;
  std::map<std::string, std::map<int, std::string>> keys;
  while (query.executeStep()) {
    auto& table = tables[query.getColumn(0).getString()];
    table.name = query.getColumn(0).getString();
    table.columns.push_back({query.getColumn(1).getString(), query.getColumn(2).getString(),
                             query.getColumn(3).getString(), query.getColumn(4).getInt() != 0,
                             query.getColumn(5).getInt() != 0, optionalText(query.getColumn(7)),
                             query.getColumn(8).getString()});
    if (!query.getColumn(6).isNull()) keys[table.name][query.getColumn(6).getInt()] = table.columns.back().name;
  }
  for (auto& [document, key] : keys) {
    for (auto& [ordinal, column] : key) tables[document].primaryKey.push_back(column);
  }
  return tables;
}

void Runs::setDocument(std::int64_t run, const std::string& step, const DocumentProgress& progress) {
  SQLite::Statement upsert(
      stage_.db(),
      "INSERT INTO document (run_id, step, document, target, state, rows, started_at, finished_at, detail) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CASE WHEN ?5 IN ('done', 'failed', 'skipped') THEN ?7 END, ?8) "
      "ON CONFLICT (run_id, step, document) DO UPDATE SET target = excluded.target, state = excluded.state, "
      "rows = excluded.rows, finished_at = excluded.finished_at, detail = excluded.detail");
  upsert.bind(1, run);
  upsert.bind(2, step);
  upsert.bind(3, progress.document);
  bindOptional(upsert, 4, progress.target.empty() ? std::nullopt : std::optional(progress.target));
  upsert.bind(5, progress.state);
  upsert.bind(6, progress.rows);
  upsert.bind(7, nowUtc());
  bindOptional(upsert, 8, progress.detail.empty() ? std::nullopt : std::optional(progress.detail));
  upsert.exec();
}

std::optional<DocumentProgress> Runs::document(std::int64_t run, const std::string& step, const std::string& name) {
  SQLite::Statement query(stage_.db(),
                          "SELECT document, IFNULL(target, ''), state, IFNULL(detail, ''), rows FROM document "
                          "WHERE run_id = ? AND step = ? AND document = ?");
  query.bind(1, run);
  query.bind(2, step);
  query.bind(3, name);
  if (!query.executeStep()) return std::nullopt;
  return DocumentProgress{query.getColumn(0).getString(), query.getColumn(1).getString(),
                          query.getColumn(2).getString(), query.getColumn(3).getString(), query.getColumn(4).getInt64()};
}

std::vector<DocumentProgress> Runs::documents(std::int64_t run, const std::string& step) {
  SQLite::Statement query(stage_.db(),
                          "SELECT document, IFNULL(target, ''), state, IFNULL(detail, ''), rows FROM document "
                          "WHERE run_id = ? AND step = ? ORDER BY document");
  query.bind(1, run);
  query.bind(2, step);
  std::vector<DocumentProgress> result;
  while (query.executeStep()) {
    result.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(), query.getColumn(2).getString(),
                      query.getColumn(3).getString(), query.getColumn(4).getInt64()});
  }
  return result;
}

void Runs::addChunk(const Chunk& chunk) {
  SQLite::Statement insert(stage_.db(),
                           "INSERT OR REPLACE INTO chunk (run_id, step, document, chunk_no, key_from, key_to, rows, "
                           "first_rowid, last_rowid, checksum, state, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, chunk.run);
  insert.bind(2, chunk.step);
  insert.bind(3, chunk.document);
  insert.bind(4, chunk.number);
  bindOptional(insert, 5, chunk.keyFrom);
  bindOptional(insert, 6, chunk.keyTo);
  insert.bind(7, chunk.rows);
  insert.bind(8, chunk.firstRowid);
  insert.bind(9, chunk.lastRowid);
  insert.bind(10, chunk.checksum);
  insert.bind(11, chunk.state);
  insert.bind(12, nowUtc());
  insert.exec();
}

void Runs::removeChunks(std::int64_t run, const std::string& step, const std::string& document) {
  SQLite::Statement remove(stage_.db(), "DELETE FROM chunk WHERE run_id = ? AND step = ? AND document = ?");
  remove.bind(1, run);
  remove.bind(2, step);
  remove.bind(3, document);
  remove.exec();
}

std::vector<Chunk> Runs::chunks(std::int64_t run, const std::string& step, const std::string& document) {
  SQLite::Statement query(stage_.db(),
                          "SELECT chunk_no, key_from, key_to, rows, first_rowid, last_rowid, checksum, state FROM chunk "
                          "WHERE run_id = ? AND step = ? AND document = ? ORDER BY chunk_no");
  query.bind(1, run);
  query.bind(2, step);
  query.bind(3, document);
  std::vector<Chunk> result;
  while (query.executeStep()) {
    Chunk chunk;
    chunk.run = run;
    chunk.step = step;
    chunk.document = document;
    chunk.number = query.getColumn(0).getInt64();
    chunk.keyFrom = optionalText(query.getColumn(1));
    chunk.keyTo = optionalText(query.getColumn(2));
    chunk.rows = query.getColumn(3).getInt64();
    chunk.firstRowid = query.getColumn(4).getInt64();
    chunk.lastRowid = query.getColumn(5).getInt64();
    chunk.checksum = query.getColumn(6).getString();
    chunk.state = query.getColumn(7).getString();
    result.push_back(std::move(chunk));
  }
  return result;
}

}  // namespace m2stage::stage
