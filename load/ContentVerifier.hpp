// Content check after load: for each loaded chunk, a checksum of its staged (transformed) rows is
// compared with the same rows read back from Magento 2, by key (a key range for a single integer
// key, key lists otherwise), in bulk. Both sides are normalised by the destination column type
// first, because the server normalises what it stores ('1.5' in DECIMAL(12,4) reads '1.5000',
// FLOAT is read through DOUBLE, CHAR drops trailing spaces). The checksum is a sum of per-row
// 64-bit hashes (stage::RowChecksum), so row order does not matter. A table without a usable
// key is compared whole.
// Results go to the staging file's `verification` table, one row per chunk.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "load/LoadRecords.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Table.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

struct VerificationOutcome {
  int checked = 0;     // chunks (or whole tables) compared
  int mismatches = 0;  // differing, with no server warning to explain it
  int warned = 0;      // differing where the server reported coercions (see data_warning findings)
  std::string firstMismatch;
};

class ContentVerifier {
 public:
  ContentVerifier(mariadb::Connection& destination, stage::StageFile& stage, std::int64_t run, std::string document,
                  const schema::Table& table, std::string serverTable);
  ~ContentVerifier();

  // Compares one chunk just loaded and stores its result (keyed tables; the lane that loaded it
  // checks it, so the content check runs on as many connections as the load).
  void verifyChunk(const stage::Chunk& chunk);
  // The staged side of the chunk being written, gathered from the rows as the load sends them,
  // so that verifyChunk need not read them from the staging file again. It uses them only when
  // they are the whole chunk (a retried or partly skipped chunk is read again).
  void startGathering(const stage::Chunk& chunk);
  void gather(const std::vector<schema::Value>& row);
  // The document's outcome over every chunk the load step recorded as done. `recheck`: compare
  // them all again and replace the stored rows (--verify-only); otherwise reuse what verifyChunk
  // stored and compare only the chunks without a result.
  VerificationOutcome verify(bool recheck);

 private:
  // How one destination column gives a value back, worked out once per column: the server
  // normalises what it stores ('1.5' in DECIMAL(12,4) reads '1.5000', FLOAT is read through
  // DOUBLE, CHAR drops trailing spaces, NULL in a NOT NULL column becomes its implicit default).
  struct CellRule {
    enum class Form { AsIs, Decimal, Float, Double, TrimmedChar } form = Form::AsIs;
    schema::ValueView nullAs;  // what NULL reads back as
  };
  static CellRule ruleFor(const schema::Column& column);
  // A value as column `column` gives it back; a view of `value` or of `scratch`.
  schema::ValueView normalize(schema::ValueView value, std::size_t column, std::string& scratch) const;
  static std::uint64_t rowHash(const std::vector<schema::ValueView>& row);
  static std::vector<schema::Value> owned(const std::vector<schema::ValueView>& row);

  struct StagedRows;
  void addStaged(StagedRows& staged, const std::vector<schema::ValueView>& row,
                 const std::vector<schema::ValueView>& normalized) const;
  StagedRows readStaged(std::int64_t firstRowid, std::int64_t lastRowid, std::int64_t chunk);
  // Every staged row of the chunk (skipped ones left out), raw and normalised.
  void scanStaged(std::int64_t firstRowid, std::int64_t lastRowid, std::int64_t chunk,
                  const std::function<void(const std::vector<schema::ValueView>& raw,
                                           const std::vector<schema::ValueView>& normalized)>& visit);
  std::string describeDifference(const StagedRows& staged, const std::string& key, const std::vector<schema::Value>& loaded);
  Verification compare(StagedRows& staged, std::optional<std::int64_t> chunk);
  std::string keyText(const std::vector<schema::ValueView>& normalizedRow) const;

  mariadb::Connection& destination_;
  stage::StageFile& stage_;
  LoadRecords records_;
  std::int64_t run_;
  std::string document_;
  const schema::Table& table_;
  std::string serverTable_;
  std::vector<std::string> columnNames_;
  std::vector<schema::Column> columns_;     // destination definitions, in staged column order
  std::vector<CellRule> rules_;             // one per column
  std::vector<std::size_t> keyIndexes_;     // positions of the key columns; empty: no usable key
  bool integerKey_ = false;                 // one integer key column: read back by range
  std::string selectList_;
  std::unique_ptr<StagedRows> gathered_;
  std::vector<schema::ValueView> gatherRow_, gatherNormalized_;
  std::vector<std::string> gatherScratch_;
};

}  // namespace m2stage::load
