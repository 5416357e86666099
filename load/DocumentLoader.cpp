#include "load/DocumentLoader.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "load/BatchInserter.hpp"
#include "load/InfileLoader.hpp"
#include "stage/Interrupt.hpp"

namespace m2stage::load {

namespace {
constexpr const char* kStep = "load";
}

DocumentLoader::DocumentLoader(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit,
                               std::int64_t run, const stage::DocumentProgress& transformed, const schema::Table& table,
                               std::string serverTable, LoadSettings& settings, stage::ProgressListener* progress)
    : destination_(destination), stage_(stage), audit_(audit), runs_(stage), run_(run), transformed_(transformed),
      table_(table), serverTable_(std::move(serverTable)), staged_(stage, "m2", table.name), columns_(staged_.columns()),
      settings_(settings), progress_(progress) {
  for (const auto& column : columns_) {
    const schema::Column* definition = table_.find(column);
    if (!definition)
      throw stage::StageError(fmt::format("Magento 2 table {} has no column {} any more; the destination schema changed "
                                          "since transform (run transform with --reset)", serverTable_, column));
    binary_.push_back(definition->isBinary());
  }
}

std::int64_t DocumentLoader::load() {
  auto progress = runs_.document(run_, kStep, transformed_.document);
  if (!progress) clearTable();
  settlePendingChunk();

  auto loaded = runs_.chunks(run_, kStep, transformed_.document);
  std::int64_t rows = 0;
  for (const auto& chunk : loaded) rows += chunk.rows;
  for (auto chunk : runs_.chunks(run_, "transform", transformed_.document)) {
    if (chunk.number < static_cast<std::int64_t>(loaded.size())) continue;
    stage::checkInterrupt();
    chunk.step = kStep;
    chunk.state = "pending";  // recorded before Magento 2 commits, confirmed after
    runs_.addChunk(chunk);
    std::uint64_t written = 0;
    for (int attempt = 0;; ++attempt) {
      try {
        written = writeChunk(chunk);
        break;
      } catch (const mariadb::DatabaseError& error) {
        if (!error.isConnectionLost() || attempt >= settings_.connectionRetries) throw;
        spdlog::warn("load: connection to Magento 2 lost ({}); reconnecting ({} of {})", error.what(), attempt + 1,
                     settings_.connectionRetries);
        std::this_thread::sleep_for(std::chrono::seconds(1 << std::min(attempt, 4)));
        destination_.reconnect();
        destination_.execute("SET SESSION SQL_MODE='NO_AUTO_VALUE_ON_ZERO', UNIQUE_CHECKS=0");
        settlePendingChunk();  // the lost COMMIT may have landed
        if (runs_.chunks(run_, kStep, transformed_.document).size() > static_cast<std::size_t>(chunk.number)) {
          written = static_cast<std::uint64_t>(chunk.rows);
          break;
        }
        runs_.addChunk(chunk);
      }
    }
    SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
    chunk.state = "done";
    runs_.addChunk(chunk);
    rows += chunk.rows;
    runs_.setDocument(run_, kStep, {transformed_.document, table_.name, "running", "", rows});
    if (progress_) progress_->advanced(table_.name, rows);
    audit_.record(run_, "load.chunk", transformed_.document, chunk.rows,
                  fmt::format("chunk {} into {} by {}{}", chunk.number, table_.name, lastMethod_,
                              written == static_cast<std::uint64_t>(chunk.rows)
                                  ? ""
                                  : fmt::format(": {} of {} rows written ({})", written, chunk.rows, destination_.info())));
    transaction.commit();
  }
  return rows;
}

std::uint64_t DocumentLoader::writeChunk(const stage::Chunk& chunk) {
  destination_.execute("START TRANSACTION");
  stage::RowTable::Reader reader(stage_, staged_.name(), columns_, chunk.firstRowid, chunk.lastRowid);
  std::uint64_t written = 0;
  bool hasBinary = std::find(binary_.begin(), binary_.end(), true) != binary_.end();
  if (settings_.useInfile && !hasBinary) {
    try {
      lastMethod_ = "infile";
      written = InfileLoader(destination_, serverTable_, columns_).load(reader);
      if (written != static_cast<std::uint64_t>(chunk.rows)) {
        for (auto& warning : destination_.query("SHOW WARNINGS LIMIT 5"))
          spdlog::warn("load: {} chunk {}: {}", serverTable_, chunk.number, warning[2].value_or(""));
      }
      destination_.execute("COMMIT");
      return written;
    } catch (const mariadb::DatabaseError& error) {
      if (!isLocalInfileRefused(error)) throw;
      spdlog::info("load: the server refuses LOAD DATA LOCAL INFILE ({}); using INSERT statements", error.what());
      settings_.useInfile = false;
      destination_.execute("ROLLBACK");
      destination_.execute("START TRANSACTION");
      reader = stage::RowTable::Reader(stage_, staged_.name(), columns_, chunk.firstRowid, chunk.lastRowid);
    }
  }
  lastMethod_ = "insert";
  BatchInserter inserter(destination_, serverTable_, columns_, binary_, settings_.maxStatementBytes);
  while (reader.next()) {
    inserter.add(reader.values());
    ++written;
  }
  inserter.flush();
  destination_.execute("COMMIT");
  return written;
}

void DocumentLoader::clearTable() {
  // As the official tool: the destination table is emptied before its first chunk.
  destination_.execute("TRUNCATE TABLE " + mariadb::quoteIdentifier(serverTable_));
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  runs_.removeChunks(run_, kStep, transformed_.document);
  runs_.setDocument(run_, kStep, {transformed_.document, table_.name, "running", "cleared", 0});
  audit_.record(run_, "load.document.clear", transformed_.document, std::nullopt, serverTable_);
  transaction.commit();
}

void DocumentLoader::removeChunkRecord(std::int64_t number) {
  SQLite::Statement remove(stage_.db(), "DELETE FROM chunk WHERE run_id = ? AND step = ? AND document = ? AND chunk_no = ?");
  remove.bind(1, run_);
  remove.bind(2, kStep);
  remove.bind(3, transformed_.document);
  remove.bind(4, number);
  remove.exec();
}

// A chunk recorded as pending was being written when the last load stopped. Magento 2 commits a
// chunk atomically, so its last row's key tells whether it landed; without a key, start over.
void DocumentLoader::settlePendingChunk() {
  auto loaded = runs_.chunks(run_, kStep, transformed_.document);
  if (loaded.empty() || loaded.back().state != "pending") return;
  auto pending = loaded.back();
  bool keyed = !table_.primaryKey.empty() &&
               std::all_of(table_.primaryKey.begin(), table_.primaryKey.end(), [&](const std::string& column) {
                 return std::find(columns_.begin(), columns_.end(), column) != columns_.end();
               });
  if (!keyed) {
    spdlog::info("load: {} has no key to check an interrupted chunk against; loading it again from the start", table_.name);
    clearTable();
    return;
  }
  stage::RowTable::Reader reader(stage_, staged_.name(), table_.primaryKey, pending.lastRowid, pending.lastRowid);
  bool landed = false;
  if (reader.next()) {
    std::string condition;
    for (std::size_t i = 0; i < table_.primaryKey.size(); ++i) {
      if (i) condition += " AND ";
      bool binary = table_.find(table_.primaryKey[i])->isBinary();
      condition += mariadb::quoteIdentifier(table_.primaryKey[i]) + " <=> " + destination_.literal(reader.values()[i], binary);
    }
    landed = destination_.queryValue(
                 fmt::format("SELECT COUNT(*) FROM {} WHERE {}", mariadb::quoteIdentifier(serverTable_), condition)) != "0";
  }
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  if (landed) {
    pending.state = "done";
    runs_.addChunk(pending);
  } else {
    removeChunkRecord(pending.number);
  }
  audit_.record(run_, "load.chunk.settled", transformed_.document, pending.rows,
                fmt::format("chunk {} {}", pending.number, landed ? "had landed" : "had not landed; loading it again"));
  transaction.commit();
}

}  // namespace m2stage::load
