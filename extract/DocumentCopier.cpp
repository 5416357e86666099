#include "extract/DocumentCopier.hpp"

#include "extract/FetchedChunk.hpp"

#include <chrono>
#include <exception>
#include <thread>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "mariadb/Catalog.hpp"
#include "stage/ChunkWriter.hpp"
#include "stage/Interrupt.hpp"
#include "stage/RowTable.hpp"

namespace m2stage::extract {

namespace {
constexpr const char* kStep = "extract";
// WAL pages (64 KiB) past which the copier folds the WAL itself, holding the turn, so that the
// next write starts it over: the folder, folding while the writers go on, seldom finds it all
// folded in at the moment a writer begins.
constexpr int kWalPagesBeforeRestart = 256;
}

DocumentCopier::DocumentCopier(mariadb::Connection& source, stage::StageFile& stage, audit::AuditTrail& audit,
                               std::int64_t run, const schema::Table& table, std::string serverTable,
                               CopyLimits limits)
    : source_(source), stage_(stage), audit_(audit), runs_(stage), run_(run), table_(table),
      serverTable_(std::move(serverTable)), limits_(limits) {}

std::string DocumentCopier::selectStatement(const std::vector<schema::Value>& resumeKey,
                                            const std::optional<std::int64_t>& upTo) const {
  std::string sql = fmt::format("SELECT {} FROM {}", mariadb::selectList(table_.columns, source_.textResults()),
                                mariadb::quoteIdentifier(serverTable_));
  const auto& key = table_.primaryKey;
  if (key.empty()) return sql;
  if (!resumeKey.empty()) {
    // (k1, k2) > (v1, v2) spelled out so the optimizer uses the key as a range:
    // k1 > v1 OR (k1 = v1 AND k2 > v2)
    std::string condition;
    for (std::size_t i = 0; i < key.size(); ++i) {
      std::string term;
      for (std::size_t j = 0; j < i; ++j) {
        term += fmt::format("{} = {} AND ", mariadb::quoteIdentifier(key[j]), source_.utf8Literal(resumeKey[j], false));
      }
      term += fmt::format("{} > {}", mariadb::quoteIdentifier(key[i]), source_.utf8Literal(resumeKey[i], false));
      condition += (condition.empty() ? "(" : " OR (") + term + ")";
    }
    sql += " WHERE (" + condition + ")";
  }
  if (upTo) sql += fmt::format(" {} {} <= {}", resumeKey.empty() ? "WHERE" : "AND", mariadb::quoteIdentifier(key[0]), *upTo);
  std::string order;
  for (const auto& column : key) order += (order.empty() ? "" : ", ") + mariadb::quoteIdentifier(column);
  return sql + " ORDER BY " + order;
}

std::vector<schema::Value> DocumentCopier::keyOfStagedRow(std::int64_t rowid) {
  std::vector<std::string> keyColumns(table_.primaryKey.begin(), table_.primaryKey.end());
  stage::RowTable::Reader reader(stage_, stage::RowTable::tableName("m1", table_.name), keyColumns, rowid, rowid);
  if (!reader.next())
    throw stage::StageError(fmt::format("{}: the last chunk of {} points at a missing row", stage_.path().string(), table_.name));
  return reader.values();
}

// Chunks are numbered in commit order, so the parts of a split document interleave and the
// numbers stay 0, 1, 2... as transform and load expect. Called inside the chunk's transaction.
std::int64_t DocumentCopier::nextChunkNumber() {
  SQLite::Statement query(stage_.db(), "SELECT IFNULL(MAX(chunk_no) + 1, 0) FROM chunk WHERE run_id = ? AND step = ? AND document = ?");
  query.bind(1, run_);
  query.bind(2, kStep);
  query.bind(3, table_.name);
  query.executeStep();
  return query.getColumn(0).getInt64();
}

void DocumentCopier::restartDocument() {
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  stage::RowTable(stage_, "m1", table_.name).deleteRun(run_);
  runs_.removeChunks(run_, kStep, table_.name);
  transaction.commit();
}

std::unique_lock<std::mutex> DocumentCopier::takeTurn() {
  return limits_.stageWriter ? std::unique_lock(*limits_.stageWriter) : std::unique_lock<std::mutex>();
}

std::int64_t DocumentCopier::copy(std::int64_t expectedRows) {
  auto progress = runs_.document(run_, kStep, table_.name);
  if (progress && progress->state == "done") return progress->rows;

  auto turn = takeTurn();
  stage::RowTable(stage_, "m1", table_.name).ensure(table_.columnNames());
  auto chunks = runs_.chunks(run_, kStep, table_.name);
  if (table_.primaryKey.empty()) {
    if (!chunks.empty()) restartDocument();
    chunks.clear();
    spdlog::info("{}: no primary or unique key; read in one pass (an interrupted read restarts this table)", table_.name);
  }
  std::int64_t rows = 0;
  for (const auto& chunk : chunks) rows += chunk.rows;
  std::vector<schema::Value> resume = chunks.empty() ? std::vector<schema::Value>{} : keyOfStagedRow(chunks.back().lastRowid);
  if (chunks.empty()) audit_.record(run_, "extract.document.start", table_.name);
  else audit_.record(run_, "extract.document.resume", table_.name, rows, fmt::format("from chunk {}", chunks.size()));
  if (turn) turn.unlock();

  auto started = std::chrono::steady_clock::now();
  if (limits_.progress) limits_.progress->started(table_.name, rows, expectedRows);
  stream(selectStatement(resume), [&](const stage::Chunk& chunk) {
    rows += chunk.rows;
    runs_.setDocument(run_, kStep, {table_.name, "", "running", "", rows});
    if (limits_.progress) limits_.progress->advanced(table_.name, rows);
    audit_.record(run_, "extract.chunk", table_.name, chunk.rows, fmt::format("chunk {} checksum {}", chunk.number, chunk.checksum));
  });
  turn = takeTurn();
  finishDocument(rows, started);
  return rows;
}

void DocumentCopier::copyPart(DocumentPart part, SplitDocument& document) {
  if (part.done) return;  // its staged table was made by Extractor, before the parts ran
  DocumentParts parts(stage_);
  std::vector<schema::Value> resume;
  if (part.lastRowid) resume = keyOfStagedRow(*part.lastRowid);
  else if (part.after) resume = {std::to_string(*part.after)};
  if (limits_.progress && !document.announced.exchange(true))
    limits_.progress->started(table_.name, document.rows, document.expectedRows);
  stream(selectStatement(resume, part.upTo), [&](const stage::Chunk& chunk) {
    part.rows += chunk.rows;
    part.lastRowid = chunk.lastRowid;
    parts.save(run_, table_.name, part);
    std::int64_t rows = document.rows += chunk.rows;
    runs_.setDocument(run_, kStep, {table_.name, "", "running", "", rows});
    if (limits_.progress) limits_.progress->advanced(table_.name, rows);
    audit_.record(run_, "extract.chunk", table_.name, chunk.rows,
                  fmt::format("chunk {} (part {}) checksum {}", chunk.number, part.number, chunk.checksum));
  });
  auto turn = takeTurn();
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  part.done = true;
  parts.save(run_, table_.name, part);
  bool last = --document.partsLeft == 0;
  transaction.commit();
  if (last) finishDocument(document.rows, document.started);
}

void DocumentCopier::finishDocument(std::int64_t rows, std::chrono::steady_clock::time_point started) {
  if (limits_.progress) limits_.progress->finished(table_.name);
  runs_.setDocument(run_, kStep, {table_.name, "", "done", "", rows});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  audit_.record(run_, "extract.document.end", table_.name, rows, fmt::format("{:.2f}s", seconds));
  spdlog::info("extract: {} rows of {} in {:.2f}s", rows, table_.name, seconds);
}

// The WAL is folded into the file by limits_.walFolder, on its own thread, while this one goes
// on staging. Past 16 MiB the copier folds it once more holding the turn, so the WAL starts over
// from its beginning at the next write instead of growing.
void DocumentCopier::foldWal(std::unique_lock<std::mutex>& turn) {
  bool folded = stage_.walPages() >= kWalPagesBeforeRestart;
  if (folded) {
    // No writer adds pages meanwhile; the folder may still be folding, which cannot last.
    while (stage_.checkpointWithoutWaiting() < 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  turn.unlock();
  limits_.walFolder->committed(folded ? 0 : stage_.walPages());
}

void DocumentCopier::stream(const std::string& sql, const std::function<void(const stage::Chunk&)>& committing) {
  stage::RowTable::Writer writer(stage_, stage::RowTable::tableName("m1", table_.name), table_.columnNames(),
                                 stage::RowTable::storageFor(table_));
  ChunkPool ownPool(3);
  ChunkPool& pool = limits_.pool ? *limits_.pool : ownPool;
  // One thread fetches the next chunk from Magento 1 while this one stages the previous chunk,
  // so the server's sending and SQLite's writing overlap instead of adding up. At most one chunk
  // waits between them, so one fast reader cannot take every buffer of the shared pool; every
  // chunk taken from the pool goes back, whatever happens.
  ChunkQueue queue(1);
  std::exception_ptr fetchError;
  std::thread fetcher([&] {
    std::optional<FetchedChunk> filling;
    try {
      auto result = source_.stream(sql);
      std::size_t columns = table_.columns.size();
      bool more = result.next();
      while (more) {
        filling = pool.take();
        filling->columns = columns;
        while (more && static_cast<std::int64_t>(filling->rows) < limits_.chunkRows &&
               static_cast<std::int64_t>(filling->bytes.size()) < limits_.chunkBytes) {
          for (std::size_t i = 0; i < columns; ++i) filling->addCell(result.cell(i));
          ++filling->rows;
          more = result.next();
        }
        if (!queue.push(*filling)) break;  // the stager stopped: leave the rest unread
        filling.reset();
      }
    } catch (const mariadb::DatabaseError& error) {
      // Name the table: "Table definition has changed" alone does not say which one.
      fetchError = std::make_exception_ptr(
          mariadb::DatabaseError(fmt::format("reading source table {}: {}", serverTable_, error.what()), error.code()));
    } catch (...) {
      fetchError = std::current_exception();
    }
    if (filling) pool.give(std::move(*filling));
    queue.close();
  });
  std::optional<FetchedChunk> fetched;
  try {
    std::vector<schema::ValueView> row;
    while ((fetched = queue.pop())) {
      stage::checkInterrupt();
      if (limits_.abort && limits_.abort->load()) throw stage::Interrupted();
      auto turn = takeTurn();
      SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
      stage::ChunkWriter chunkWriter(writer, {run_, kStep, table_.name, nextChunkNumber()});
      fetched->forEachRow(row, [&](const std::vector<schema::ValueView>& values) { chunkWriter.add("insert", values); });
      stage::Chunk chunk = chunkWriter.finish();
      runs_.addChunk(chunk);
      committing(chunk);
      transaction.commit();
      if (turn) foldWal(turn);
      pool.give(std::move(*fetched));
    }
  } catch (...) {
    // Closed first, so the fetcher's next push fails; then every buffer goes back, including
    // any it may be waiting for, and it stops.
    queue.close();
    if (fetched) pool.give(std::move(*fetched));
    while (auto left = queue.pop()) pool.give(std::move(*left));
    fetcher.join();
    throw;
  }
  fetcher.join();
  if (fetchError) std::rethrow_exception(fetchError);
}

}  // namespace m2stage::extract
