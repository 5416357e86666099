// Loads one document's transformed chunks into its Magento 2 table, one MariaDB transaction per
// chunk. Each chunk is recorded as pending before its commit and done after, so a killed load
// settles the one uncertain chunk by looking for its last row, and never writes a chunk twice.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/AuditTrail.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Table.hpp"
#include "stage/ProgressListener.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

struct LoadSettings {
  std::size_t maxStatementBytes = 16 << 20;  // INSERT fallback: bounded by max_allowed_packet
  bool useInfile = true;                     // LOAD DATA LOCAL INFILE; false after the server refused it
  int connectionRetries = 5;                 // reconnects after "server has gone away" and the like
};

class DocumentLoader {
 public:
  DocumentLoader(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                 const stage::DocumentProgress& transformed, const schema::Table& table, std::string serverTable,
                 LoadSettings& settings, stage::ProgressListener* progress = nullptr);

  // Returns the rows of the document now in Magento 2 from this run.
  std::int64_t load();

 private:
  void clearTable();
  void settlePendingChunk();
  std::uint64_t writeChunk(const stage::Chunk& chunk);
  void removeChunkRecord(std::int64_t number);

  mariadb::Connection& destination_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  stage::Runs runs_;
  std::int64_t run_;
  const stage::DocumentProgress& transformed_;
  const schema::Table& table_;
  std::string serverTable_;
  stage::RowTable staged_;
  std::vector<std::string> columns_;
  std::vector<bool> binary_;
  LoadSettings& settings_;
  stage::ProgressListener* progress_;
  const char* lastMethod_ = "";  // "infile" or "insert": how the last chunk was written (audit)
};

}  // namespace m2stage::load
