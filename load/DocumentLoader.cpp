#include "load/DocumentLoader.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "load/BatchInserter.hpp"
#include "load/ContentVerifier.hpp"
#include "load/Loader.hpp"
#include "stage/Interrupt.hpp"

namespace m2stage::load {

namespace {

constexpr const char* kStep = "load";
constexpr std::size_t kRowBatch = 200;  // rows per INSERT while looking for colliding rows

// 1062 ER_DUP_ENTRY; 1180 ER_ERROR_DURING_COMMIT: InnoDB's bulk insert into an empty table (unique
// checks off) finds the duplicate only when it builds the index, and fails the whole statement.
bool isCollision(const mariadb::DatabaseError& error) { return error.code() == 1062 || error.code() == 1180; }

// 1213 ER_LOCK_DEADLOCK, 1205 ER_LOCK_WAIT_TIMEOUT: the transaction was rolled back, try again.
bool isLockConflict(const mariadb::DatabaseError& error) { return error.code() == 1213 || error.code() == 1205; }
constexpr int kLockRetries = 10;
// Rows sent in one bulk execution, in bytes of values: a few round trips per chunk, and a bounded buffer.
constexpr std::size_t kBulkBytes = 1 << 20;

// Worth a reconnect and another try: the connection broke ("server has gone away", lost, timed
// out, 1927 ER_CONNECTION_KILLED) or, while reconnecting, the server does not answer yet (2002
// CR_CONNECTION_ERROR, 2003 CR_CONN_HOST_ERROR: restarting).
bool isConnectionBroken(const mariadb::DatabaseError& error, bool reconnecting) {
  return error.isConnectionLost() || error.code() == 1927 || (reconnecting && (error.code() == 2002 || error.code() == 2003));
}

// "Duplicate entry 'x' for key 'y'" -> "y"
std::string keyName(const std::string& message) {
  auto start = message.find("for key '");
  if (start == std::string::npos) return "";
  start += 9;
  auto end = message.rfind('\'');
  return end == std::string::npos || end < start ? "" : message.substr(start, end - start);
}

// Staged rows with their rowids, in rowid order.
class RowidReader {
 public:
  RowidReader(stage::StageFile& stage, const std::string& table, const std::vector<std::string>& columns,
              std::int64_t first, std::int64_t last, bool descending = false)
      : statement_(stage.db(), [&] {
          std::string list;
          for (const auto& column : columns) list += ", " + stage::StageFile::quote(column);
          return fmt::format("SELECT rowid{} FROM {} WHERE rowid BETWEEN ? AND ? ORDER BY rowid{}", list,
                             stage::StageFile::quote(table), descending ? " DESC" : "");
        }()),
        values_(columns.size()) {
    statement_.bind(1, first);
    statement_.bind(2, last);
  }
  bool next() {
    if (!statement_.executeStep()) return false;
    rowid_ = statement_.getColumn(0).getInt64();
    for (std::size_t i = 0; i < values_.size(); ++i) stage::RowTable::readCell(statement_, static_cast<int>(i) + 1, values_[i]);
    return true;
  }
  std::int64_t rowid() const { return rowid_; }
  const std::vector<schema::Value>& values() const { return values_; }

 private:
  SQLite::Statement statement_;
  std::vector<schema::Value> values_;
  std::int64_t rowid_ = 0;
};

}  // namespace

DocumentLoader::DocumentLoader(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit,
                               std::int64_t run, const stage::DocumentProgress& transformed, const schema::Table& table,
                               std::string serverTable, LoadSettings& settings, stage::ProgressListener* progress)
    : destination_(destination), stage_(stage), audit_(audit), runs_(stage), records_(stage), run_(run),
      transformed_(transformed), table_(table), serverTable_(std::move(serverTable)), staged_(stage, "m2", table.name),
      columns_(staged_.columns()), settings_(settings), progress_(progress) {
  for (const auto& column : columns_) {
    const schema::Column* definition = table_.find(column);
    if (!definition)
      throw stage::StageError(fmt::format("Magento 2 table {} has no column {} any more; the destination schema changed "
                                          "since transform (run transform with --reset)", serverTable_, column));
    binary_.push_back(definition->isBinary());
    definitions_.push_back(*definition);
  }
}

std::string DocumentLoader::describeKey(const std::vector<schema::Value>& row) const {
  std::string text;
  const auto& key = table_.primaryKey.empty() ? columns_ : table_.primaryKey;
  for (const auto& column : key) {
    auto position = std::find(columns_.begin(), columns_.end(), column);
    if (position == columns_.end()) continue;
    const auto& value = row[static_cast<std::size_t>(position - columns_.begin())];
    std::string shown = value ? (value->size() > 60 ? value->substr(0, 60) + "..." : *value) : "NULL";
    text += fmt::format("{}{}={}", text.empty() ? "" : ", ", column, shown);
    if (table_.primaryKey.empty() && text.size() > 200) break;
  }
  return text;
}

bool DocumentLoader::keyed() const {
  return !table_.primaryKey.empty() &&
         std::all_of(table_.primaryKey.begin(), table_.primaryKey.end(), [&](const std::string& column) {
           return std::find(columns_.begin(), columns_.end(), column) != columns_.end();
         });
}

void DocumentLoader::plan(DocumentChunks& work) {
  if (!runs_.document(run_, kStep, transformed_.document)) {
    if (merge_) {
      startMerge();
    } else {
      clearTable();
    }
  }
  auto loaded = runs_.chunks(run_, kStep, transformed_.document);
  bool pending = std::any_of(loaded.begin(), loaded.end(), [](const stage::Chunk& chunk) { return chunk.state == "pending"; });
  if (pending && merge_) {
    // An upsert written twice leaves the same rows: write the uncertain chunks again.
    SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
    for (const auto& chunk : loaded) {
      if (chunk.state == "pending") removeChunkRecord(chunk.number);
    }
    transaction.commit();
  } else if (pending && !keyed()) {
    spdlog::info("load: {} has no key to check an interrupted chunk against; loading it again from the start", table_.name);
    clearTable();
  } else if (pending) {
    for (const auto& chunk : loaded) {
      if (chunk.state == "pending") settle(chunk);
    }
  }
  std::set<std::int64_t> done;
  std::int64_t rows = -records_.skippedRows(run_, transformed_.document);
  for (const auto& chunk : runs_.chunks(run_, kStep, transformed_.document)) {
    done.insert(chunk.number);
    rows += chunk.rows;
  }
  work.rows = rows;
  work.warningFindings = records_.countFindings(run_, table_.name, "data_warning");
  for (auto& chunk : runs_.chunks(run_, "transform", transformed_.document)) {
    if (!done.contains(chunk.number)) work.chunks.push_back(std::move(chunk));
  }
}

void DocumentLoader::load(DocumentChunks& work) {
  ContentVerifier verifier(destination_, stage_, run_, transformed_.document, table_, serverTable_);
  for (std::size_t index; (index = work.next++) < work.chunks.size();) {
    stage::Chunk chunk = work.chunks[index];
    stage::checkInterrupt();
    chunk.step = kStep;
    chunk.state = "pending";  // recorded before Magento 2 commits, confirmed after
    {
      SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
      runs_.addChunk(chunk);
      transaction.commit();
    }
    ChunkOutcome outcome;
    bool reconnecting = false;
    for (int attempt = 0, deadlocks = 0;;) {
      try {
        if (reconnecting) {
          // The server rolled back what the broken connection had not committed; the chunk is
          // written again unless its COMMIT had landed. (A merged chunk is written again as it
          // is: an upsert written twice leaves the same rows.)
          bulk_.reset();  // its statement died with the connection
          destination_.reconnect();
          destination_.execute(kBulkSession);
          reconnecting = false;
          if (!merge_ && settle(chunk)) {
            outcome.skipped = records_.skipped(run_, transformed_.document, chunk.number);
            outcome.written = static_cast<std::uint64_t>(chunk.rows) - outcome.skipped.size();
            break;
          }
          if (!merge_) runs_.addChunk(chunk);  // pending again
        }
        if (!merge_) verifier.startGathering(chunk);
        outcome = writeChunk(chunk, [&](const auto& row) { verifier.gather(row); });
        break;
      } catch (const mariadb::DatabaseError& error) {
        if (!reconnecting && isLockConflict(error) && deadlocks < kLockRetries) {
          // Lanes writing one table can deadlock on InnoDB's locks; the server rolled the chunk
          // back, so write it again.
          destination_.execute("ROLLBACK");
          std::this_thread::sleep_for(std::chrono::milliseconds(20 * ++deadlocks));
          continue;
        }
        if (!isConnectionBroken(error, reconnecting) || attempt >= settings_.connectionRetries) throw;
        ++attempt;
        spdlog::warn("load: connection to Magento 2 lost ({}); reconnecting ({} of {})", error.what(), attempt,
                     settings_.connectionRetries);
        std::this_thread::sleep_for(std::chrono::seconds(1 << std::min(attempt - 1, 4)));
        reconnecting = true;
      }
    }
    work.warnings += outcome.warningCount;
    SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
    std::int64_t skipped = static_cast<std::int64_t>(outcome.skipped.size());
    chunk.state = "done";
    runs_.addChunk(chunk);
    if (outcome.warningCount || skipped)
      records_.setChunkNote(run_, transformed_.document, chunk.number, outcome.skipped,
                            static_cast<std::int64_t>(outcome.warningCount));
    for (const auto& warning : outcome.warnings) {
      if (work.warningFindings >= static_cast<std::int64_t>(settings_.warningFindings)) break;
      records_.addFinding(run_, {"data_warning", "destination", table_.name, "",
                                 fmt::format("{} chunk {}: {} (warning {})", serverTable_, chunk.number, warning.message,
                                             warning.code),
                                 audit::Severity::Warning});
      ++work.warningFindings;
    }
    std::int64_t rows = work.rows += chunk.rows - skipped;
    runs_.setDocument(run_, kStep, {transformed_.document, table_.name, "running", "", rows});
    if (progress_) progress_->advanced(table_.name, rows);
    std::string notes;
    if (skipped) notes += fmt::format(", {} rows skipped (unique key collisions, --auto)", skipped);
    if (outcome.warningCount) notes += fmt::format(", {} server warnings", outcome.warningCount);
    audit_.record(run_, "load.chunk", transformed_.document, chunk.rows - skipped,
                  fmt::format("chunk {} into {} by {}{}", chunk.number, table_.name, lastMethod_, notes));
    transaction.commit();
    if (!merge_) verifier.verifyChunk(chunk);
  }
}

void DocumentLoader::insertRows(const stage::Chunk& chunk, bool upsert, ChunkOutcome& outcome, const RowSink& sent) {
  stage::RowTable::Reader reader(stage_, staged_.name(), columns_, chunk.firstRowid, chunk.lastRowid);
  BatchInserter inserter(destination_, serverTable_, columns_, binary_, settings_.maxStatementBytes, upsert);
  inserter.keepWarnings(settings_.warningFindings);
  while (reader.next()) {
    inserter.add(reader.values());
    if (sent) sent(reader.values());
    ++outcome.written;
  }
  inserter.flush();
  outcome.warningCount = inserter.warningCount();
  outcome.warnings = inserter.warnings();
}

DocumentLoader::ChunkOutcome DocumentLoader::writeMergedChunk(const stage::Chunk& chunk) {
  lastMethod_ = "upsert";
  ChunkOutcome outcome;
  // The bulk session turns unique checks off; the merge relies on them to find the matching row.
  destination_.execute("SET SESSION UNIQUE_CHECKS=1");
  try {
    destination_.execute("START TRANSACTION");
    insertRows(chunk, true, outcome);
    destination_.execute("COMMIT");
  } catch (...) {
    try {
      destination_.execute("ROLLBACK");
      destination_.execute("SET SESSION UNIQUE_CHECKS=0");
    } catch (const mariadb::DatabaseError&) {
      // The connection is gone: the server rolled back, and a new session starts with kBulkSession.
    }
    throw;
  }
  destination_.execute("SET SESSION UNIQUE_CHECKS=0");
  return outcome;
}

DocumentLoader::ChunkOutcome DocumentLoader::writeChunk(const stage::Chunk& chunk, const RowSink& sent) {
  if (merge_) return writeMergedChunk(chunk);
  ChunkOutcome outcome;
  try {
    destination_.execute("START TRANSACTION");
    bool inserted = false;
    if (mariadb::BulkInsert::supported(destination_)) {
      try {
        inserted = bulkInsertRows(chunk, outcome, sent);
      } catch (const mariadb::DatabaseError& error) {
        // 1048 ER_BAD_NULL_ERROR: a bulk execution inserts row by row, and a single-row INSERT
        // refuses NULL in a NOT NULL column where upstream's multi-row INSERTs store the column's
        // implicit default and warn. Such a chunk is written the upstream way.
        if (error.code() != 1048) throw;
      }
      if (!inserted) {
        // The content check gathered some rows twice then: it sees more rows than the chunk has
        // and reads the chunk from the staging file instead (ContentVerifier::verifyChunk).
        destination_.execute("ROLLBACK");
        destination_.execute("START TRANSACTION");
        outcome = ChunkOutcome{};
      }
    }
    if (!inserted) {
      lastMethod_ = "insert";
      insertRows(chunk, false, outcome, sent);
    }
    destination_.execute("COMMIT");
    return outcome;
  } catch (const mariadb::DatabaseError& error) {
    if (!isCollision(error)) throw;
  }
  destination_.execute("ROLLBACK");
  return writeRowBatches(chunk);
}

bool DocumentLoader::bulkInsertRows(const stage::Chunk& chunk, ChunkOutcome& outcome, const RowSink& sent) {
  lastMethod_ = "bulk insert";
  stage::RowTable::Reader reader(stage_, staged_.name(), columns_, chunk.firstRowid, chunk.lastRowid);
  if (!bulk_) bulk_ = std::make_unique<mariadb::BulkInsert>(destination_, serverTable_, definitions_);
  auto& bulk = *bulk_;
  bulk.discard();
  auto flush = [&] {
    outcome.written += bulk.flush();
    if (unsigned warnings = bulk.warningCount()) {
      outcome.warningCount += warnings;
      if (outcome.warnings.size() < settings_.warningFindings) {
        for (auto& warning : ServerWarnings::fetch(destination_, settings_.warningFindings - outcome.warnings.size()))
          outcome.warnings.push_back(std::move(warning));
      }
    }
  };
  // A batch is sent before the row that would take it past kBulkBytes or the server's packet limit.
  std::size_t limit = std::min(settings_.maxStatementBytes, kBulkBytes);
  while (reader.next()) {
    auto added = bulk.add(reader.values(), limit);
    if (added == mariadb::BulkInsert::Added::BatchFull) {
      flush();
      added = bulk.add(reader.values(), limit);
    }
    if (added == mariadb::BulkInsert::Added::NeedsConversion) {
      bulk.discard();
      return false;
    }
    if (sent) sent(reader.values());
  }
  flush();
  return true;
}

// The slow path, for a chunk with colliding rows only: unique checks on (so InnoDB reports each
// duplicate at its statement instead of at the end of a bulk insert), rows in batches, and a
// batch that fails is rolled back to its savepoint and written row by row.
DocumentLoader::ChunkOutcome DocumentLoader::writeRowBatches(const stage::Chunk& chunk) {
  lastMethod_ = "row batches";
  ChunkOutcome outcome;
  std::vector<Collision> collisions;
  destination_.execute("SET SESSION UNIQUE_CHECKS=1");
  destination_.execute("START TRANSACTION");
  RowidReader reader(stage_, staged_.name(), columns_, chunk.firstRowid, chunk.lastRowid);
  std::vector<std::pair<std::int64_t, std::vector<schema::Value>>> batch;
  auto collect = [&](BatchInserter& inserter) {
    outcome.warningCount += inserter.warningCount();
    for (const auto& warning : inserter.warnings()) {
      if (outcome.warnings.size() < settings_.warningFindings) outcome.warnings.push_back(warning);
    }
  };
  auto send = [&] {
    if (batch.empty()) return;
    destination_.execute("SAVEPOINT m2stage_batch");
    try {
      BatchInserter inserter(destination_, serverTable_, columns_, binary_, settings_.maxStatementBytes);
      inserter.keepWarnings(settings_.warningFindings);
      for (const auto& [rowid, row] : batch) inserter.add(row);
      inserter.flush();
      collect(inserter);
      outcome.written += batch.size();
    } catch (const mariadb::DatabaseError& error) {
      if (!isCollision(error)) throw;
      destination_.execute("ROLLBACK TO SAVEPOINT m2stage_batch");
      for (const auto& [rowid, row] : batch) {
        try {
          BatchInserter single(destination_, serverTable_, columns_, binary_, settings_.maxStatementBytes);
          single.keepWarnings(settings_.warningFindings);
          single.add(row);
          single.flush();
          collect(single);
          ++outcome.written;
        } catch (const mariadb::DatabaseError& rowError) {
          if (rowError.code() != 1062) throw;
          std::string message = rowError.what();
          auto start = message.find("Duplicate entry");
          auto end = message.find(" (in: ");
          if (start != std::string::npos) message = message.substr(start, end == std::string::npos ? end : end - start);
          collisions.push_back({rowid, message, row});
          outcome.skipped.insert(rowid);
        }
      }
    }
    batch.clear();
  };
  try {
    while (reader.next()) {
      batch.emplace_back(reader.rowid(), reader.values());
      if (batch.size() >= kRowBatch) send();
    }
    send();
  } catch (...) {
    destination_.execute("ROLLBACK");
    destination_.execute("SET SESSION UNIQUE_CHECKS=0");
    throw;
  }
  if (!collisions.empty() && !settings_.autoResolve) {
    destination_.execute("ROLLBACK");
    destination_.execute("SET SESSION UNIQUE_CHECKS=0");
    reportCollisions(chunk, collisions);
    {
      SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
      removeChunkRecord(chunk.number);  // nothing of it reached Magento 2
      transaction.commit();
    }
    throw VerificationFailed(fmt::format(
        "Unique key collision in {}: {} ({}), {} colliding row(s) in chunk {}; nothing of the chunk was written. "
        "See the unique_key_collision findings; fix the data or the map, or use --auto to skip such rows",
        serverTable_, collisions.front().message, describeKey(collisions.front().row), collisions.size(), chunk.number));
  }
  if (!collisions.empty()) {
    // Recorded before Magento 2 commits, so a settle after a kill knows which rows are not there.
    reportCollisions(chunk, collisions);
    SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
    records_.setChunkNote(run_, transformed_.document, chunk.number, outcome.skipped,
                          static_cast<std::int64_t>(outcome.warningCount));
    transaction.commit();
  }
  destination_.execute("COMMIT");
  destination_.execute("SET SESSION UNIQUE_CHECKS=0");
  return outcome;
}

void DocumentLoader::reportCollisions(const stage::Chunk& chunk, const std::vector<Collision>& collisions) {
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  for (const auto& collision : collisions) {
    std::string message = fmt::format("{}: {}; staged row {} (chunk {}) {}", serverTable_, collision.message,
                                      describeKey(collision.row), chunk.number,
                                      settings_.autoResolve ? "skipped (--auto)" : "not loaded");
    spdlog::warn("load: {}", message);
    records_.addFinding(run_, {"unique_key_collision", "destination", table_.name, keyName(collision.message), message,
                               settings_.autoResolve ? audit::Severity::Warning : audit::Severity::Error});
    audit_.record(run_, settings_.autoResolve ? "load.row.skipped" : "load.collision", transformed_.document, 1, message);
  }
  transaction.commit();
}

void DocumentLoader::clearTable() {
  // As the official tool: the destination table is emptied before its first chunk.
  destination_.execute("TRUNCATE TABLE " + mariadb::quoteIdentifier(serverTable_));
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  runs_.removeChunks(run_, kStep, transformed_.document);
  records_.forgetDocument(run_, transformed_.document, table_.name);
  runs_.setDocument(run_, kStep, {transformed_.document, table_.name, "running", "cleared", 0});
  audit_.record(run_, "load.document.clear", transformed_.document, std::nullopt, serverTable_);
  transaction.commit();
}

void DocumentLoader::startMerge() {
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  runs_.removeChunks(run_, kStep, transformed_.document);
  records_.forgetDocument(run_, transformed_.document, table_.name);
  runs_.setDocument(run_, kStep, {transformed_.document, table_.name, "running", "merging", 0});
  audit_.record(run_, "load.document.merge", transformed_.document, std::nullopt,
                serverTable_ + ": rows merged by unique key, the others kept");
  transaction.commit();
}

void DocumentLoader::removeChunkRecord(std::int64_t number) {
  SQLite::Statement remove(stage_.db(), "DELETE FROM chunk WHERE run_id = ? AND step = ? AND document = ? AND chunk_no = ?");
  remove.bind(1, run_);
  remove.bind(2, kStep);
  remove.bind(3, transformed_.document);
  remove.bind(4, number);
  remove.exec();
  records_.removeChunkNote(run_, transformed_.document, number);
}

// A chunk recorded as pending was being written when the last load stopped, or when the
// connection broke. Magento 2 commits a chunk atomically, so its last written row's key tells
// whether it landed (rows skipped as collisions are not looked for). A table without a usable key
// is loaded by one connection only, into a table this run emptied, so its row count tells instead.
bool DocumentLoader::settle(const stage::Chunk& pending) {
  auto skipped = records_.skipped(run_, transformed_.document, pending.number);
  auto landedByRowCount = [&] {
    std::int64_t without = static_cast<std::int64_t>(skipped.size()) - records_.skippedRows(run_, transformed_.document);
    for (const auto& chunk : runs_.chunks(run_, kStep, transformed_.document)) {
      if (chunk.state == "done") without += chunk.rows;
    }
    std::int64_t with = without + pending.rows - static_cast<std::int64_t>(skipped.size());
    std::int64_t present =
        std::stoll(destination_.queryValue("SELECT COUNT(*) FROM " + mariadb::quoteIdentifier(serverTable_)).value_or("0"));
    if (present != without && present != with)
      throw mariadb::DatabaseError(
          fmt::format("{} has {} rows, neither the {} loaded before chunk {} nor the {} with it: whether the chunk "
                      "landed cannot be told (the table has no key to look for); the next load empties the table and "
                      "loads it again", serverTable_, present, without, pending.number, with),
          0);
    return present == with;
  };
  std::optional<std::vector<schema::Value>> lastKey;
  if (keyed()) {
    // Scoped: an open read would pin an old snapshot and make the write below fail as "locked".
    RowidReader reader(stage_, staged_.name(), table_.primaryKey, pending.firstRowid, pending.lastRowid, true);
    while (reader.next()) {
      if (!skipped.count(reader.rowid())) {
        lastKey = reader.values();
        break;
      }
    }
  }
  // Keyed, with every row skipped: nothing to tell, and nothing to write again.
  bool landed = keyed() ? !lastKey : landedByRowCount();
  if (lastKey) {
    std::string condition;
    for (std::size_t i = 0; i < table_.primaryKey.size(); ++i) {
      if (i) condition += " AND ";
      bool binary = table_.find(table_.primaryKey[i])->isBinary();
      condition += mariadb::quoteIdentifier(table_.primaryKey[i]) + " <=> " + destination_.literal((*lastKey)[i], binary);
    }
    landed = destination_.queryValue(
                 fmt::format("SELECT COUNT(*) FROM {} WHERE {}", mariadb::quoteIdentifier(serverTable_), condition)) != "0";
  }
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  if (landed) {
    stage::Chunk done = pending;
    done.step = kStep;
    done.state = "done";
    runs_.addChunk(done);
  } else {
    removeChunkRecord(pending.number);
  }
  audit_.record(run_, "load.chunk.settled", transformed_.document, pending.rows,
                fmt::format("chunk {} {}", pending.number, landed ? "had landed" : "had not landed; loading it again"));
  transaction.commit();
  return landed;
}

}  // namespace m2stage::load
