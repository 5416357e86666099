// Copies one Magento 1 table, or one key range ("part") of it, into its staged table
// "m1.<document>" in key order, committing one chunk at a time together with its progress
// record, and continuing after the last committed chunk when the run is resumed.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

#include "audit/AuditTrail.hpp"
#include "extract/DocumentParts.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Table.hpp"
#include "stage/ProgressListener.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"
#include "stage/WalFolder.hpp"

namespace m2stage::extract {

class ChunkPool;

struct CopyLimits {
  std::int64_t chunkRows = 50000;             // rows per chunk (bulk_size)
  std::int64_t chunkBytes = 2 * 1024 * 1024;   // or fewer rows when they are this large
  ChunkPool* pool = nullptr;                   // the chunk buffers readers share (a copier's own 3 when null)
  const std::atomic<bool>* abort = nullptr;    // another worker failed: stop at the next chunk
  stage::ProgressListener* progress = nullptr;
  // Taken around each write (a chunk's transaction, a document's records) by the workers of one extract. SQLite lets one
  // connection write at a time, and a connection that finds the file locked sleeps 1, 2, 5,
  // 10... ms before trying again; a mutex hands the turn over as soon as the other commits.
  // With it, the staging connection's automatic checkpoints are off and walFolder folds the WAL
  // into the file (DocumentCopier::foldWal).
  std::mutex* stageWriter = nullptr;
  stage::WalFolder* walFolder = nullptr;  // set with stageWriter
};

// What the workers copying the parts of one document share.
struct SplitDocument {
  explicit SplitDocument(std::int64_t stagedRows, int parts, std::int64_t expected)
      : rows(stagedRows), partsLeft(parts), expectedRows(expected) {}
  std::atomic<std::int64_t> rows;  // staged so far, all parts
  std::atomic<int> partsLeft;      // the worker that finishes the last one finishes the document
  std::atomic<bool> announced{false};
  std::int64_t expectedRows;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

class DocumentCopier {
 public:
  // `table` is the staged description (unprefixed name); `serverTable` the name on the server.
  DocumentCopier(mariadb::Connection& source, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                 const schema::Table& table, std::string serverTable, CopyLimits limits);

  // Returns the document's staged row count for the run.
  std::int64_t copy(std::int64_t expectedRows = 0);
  // Copies one part of a document split by DocumentParts (single integer key).
  void copyPart(DocumentPart part, SplitDocument& document);

 private:
  // Streams `sql` into staged chunks; `committing(chunk)` runs inside each chunk's transaction.
  void stream(const std::string& sql, const std::function<void(const stage::Chunk&)>& committing);
  std::string selectStatement(const std::vector<schema::Value>& resumeKey,
                              const std::optional<std::int64_t>& upTo = std::nullopt) const;
  std::vector<schema::Value> keyOfStagedRow(std::int64_t rowid);
  std::int64_t nextChunkNumber();
  void finishDocument(std::int64_t rows, std::chrono::steady_clock::time_point started);
  void restartDocument();
  // The turn to write the staging file (limits_.stageWriter; held for every write, so that no
  // writer is left to SQLite's sleeping retries), or none when the copier writes alone.
  std::unique_lock<std::mutex> takeTurn();
  // After a chunk's commit: has limits_.walFolder fold the WAL into the file, or past 16 MiB
  // folds it itself before giving the turn back.
  void foldWal(std::unique_lock<std::mutex>& turn);

  mariadb::Connection& source_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  stage::Runs runs_;
  std::int64_t run_;
  const schema::Table& table_;
  std::string serverTable_;
  CopyLimits limits_;
};

}  // namespace m2stage::extract
