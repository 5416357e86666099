// Loads one document's transformed chunks into its Magento 2 table, one MariaDB transaction per
// chunk, on one connection or on several at once ("lanes" sharing a DocumentChunks). Each chunk
// is recorded as pending before its commit and done after, so a killed load settles the uncertain
// chunks by looking for their last rows, and never writes a chunk twice.
// Nothing is merged silently: a chunk whose rows break a Magento 2 unique key is written again
// row batch by row batch to name the colliding rows (findings `unique_key_collision`); without
// --auto the load stops, with --auto those rows are skipped and recorded. The server's warnings
// (non-strict coercions) become `data_warning` findings.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "audit/AuditTrail.hpp"
#include "load/LoadRecords.hpp"
#include "load/ServerWarnings.hpp"
#include "mariadb/BulkInsert.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Table.hpp"
#include "stage/ProgressListener.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

// The session of a bulk load: the official SQL mode (ids such as store 0 keep their value,
// non-strict) and no unique checks (foreign-key checks are already off for the connection).
inline constexpr const char* kBulkSession = "SET SESSION SQL_MODE='NO_AUTO_VALUE_ON_ZERO', UNIQUE_CHECKS=0";

struct LoadSettings {
  std::size_t maxStatementBytes = 16 << 20;  // statements and bulk executions: bounded by max_allowed_packet
  int connectionRetries = 5;                 // reconnects after "server has gone away" and the like
  bool autoResolve = false;                  // --auto: skip rows that break a unique key, and go on
  std::size_t warningFindings = 20;          // data_warning findings kept per document (all are counted)
};

// The chunks of one document still to load, shared by the lanes loading it.
struct DocumentChunks {
  std::vector<stage::Chunk> chunks;  // transformed, not yet loaded, in chunk order
  std::atomic<std::size_t> next{0};  // the next chunk a lane takes
  std::atomic<std::int64_t> rows{0};  // the document's rows in Magento 2 from this run
  std::atomic<std::int64_t> warningFindings{0};
  std::atomic<std::uint64_t> warnings{0};  // server warnings counted by this load
  int lanes = 1;                  // connections loading it
  std::atomic<int> lanesLeft{1};  // the lane that finishes last verifies the document
};

class DocumentLoader {
 public:
  DocumentLoader(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                 const stage::DocumentProgress& transformed, const schema::Table& table, std::string serverTable,
                 LoadSettings& settings, stage::ProgressListener* progress = nullptr);

  // Settings mode's core_config_data: merge into the Magento 2 rows instead of replacing them.
  // The table is not emptied; each chunk is written as INSERT ... ON DUPLICATE KEY UPDATE on its
  // unique key (scope, scope_id, path), so a matching row gets the new value and others stay.
  // Writing a chunk twice gives the same rows, so a chunk a killed load left pending is written
  // again. The Loader checks a merged document by key (ContentVerifier is not used for it).
  DocumentLoader& merging(bool merge) {
    merge_ = merge;
    return *this;
  }

  // Empties the Magento 2 table when this run has not started loading it yet (as upstream),
  // settles the chunks a killed load left pending (a table without a usable key is emptied and
  // loaded again instead), and lists what is left to load. Loader runs it for every document
  // before any lane starts: a TRUNCATE waits for the metadata locks that loads into tables
  // referencing it hold, and could time out.
  void plan(DocumentChunks& work);
  // Whether chunks can be loaded on several connections at once (a pending one can be settled).
  bool keyed() const;
  // Loads chunks taken from `work` until none is left. Every lane has its own DocumentLoader.
  void load(DocumentChunks& work);

 private:
  struct Collision {
    std::int64_t rowid = 0;
    std::string message;  // the server's "Duplicate entry 'x' for key 'y'"
    std::vector<schema::Value> row;
  };
  struct ChunkOutcome {
    std::uint64_t written = 0;
    std::set<std::int64_t> skipped;  // staged rowids left out (--auto)
    std::uint64_t warningCount = 0;
    std::vector<ServerWarning> warnings;  // the first few, duplicates excluded
  };

  void clearTable();
  void startMerge();
  ChunkOutcome writeMergedChunk(const stage::Chunk& chunk);
  // Whether a chunk recorded as pending landed in Magento 2; records it as done or forgets it.
  bool settle(const stage::Chunk& pending);
  // Rows as a chunk write sends them (the lane's content check gathers the staged side from them).
  using RowSink = std::function<void(const std::vector<schema::Value>&)>;
  ChunkOutcome writeChunk(const stage::Chunk& chunk, const RowSink& sent);
  ChunkOutcome writeRowBatches(const stage::Chunk& chunk);
  // Writes the chunk's staged rows through one prepared INSERT executed in bulk (MariaDB), in the
  // open transaction. False: a row needs the server's character conversion (BulkInsert::Added),
  // and the chunk must be written again by insertRows.
  bool bulkInsertRows(const stage::Chunk& chunk, ChunkOutcome& outcome, const RowSink& sent);
  // Writes the chunk's staged rows with multi-row INSERTs (upserts when `upsert`) in the open transaction.
  void insertRows(const stage::Chunk& chunk, bool upsert, ChunkOutcome& outcome, const RowSink& sent = {});
  void reportCollisions(const stage::Chunk& chunk, const std::vector<Collision>& collisions);
  void removeChunkRecord(std::int64_t number);
  std::string describeKey(const std::vector<schema::Value>& row) const;

  mariadb::Connection& destination_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  stage::Runs runs_;
  LoadRecords records_;
  std::int64_t run_;
  const stage::DocumentProgress& transformed_;
  const schema::Table& table_;
  std::string serverTable_;
  stage::RowTable staged_;
  std::vector<std::string> columns_;
  std::vector<schema::Column> definitions_;  // the Magento 2 definitions of columns_
  std::vector<bool> binary_;
  LoadSettings& settings_;
  stage::ProgressListener* progress_;
  bool merge_ = false;
  const char* lastMethod_ = "";  // "bulk insert", "insert" or "row batches": how the last chunk was written (audit)
  // The prepared bulk INSERT of this connection, kept from chunk to chunk (with its buffers);
  // forgotten when the connection is replaced.
  std::unique_ptr<mariadb::BulkInsert> bulk_;
};

}  // namespace m2stage::load
