// Copies one Magento 1 table into its staged table "m1.<document>" in key order, committing
// one chunk at a time together with its progress record, and continuing after the last
// committed chunk when the run is resumed.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "audit/AuditTrail.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Table.hpp"
#include "stage/ProgressListener.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::extract {

struct CopyLimits {
  std::int64_t chunkRows = 50000;             // rows per chunk (bulk_size)
  std::int64_t chunkBytes = 8 * 1024 * 1024;   // or fewer rows when they are this large (3 chunks in flight)
  const std::atomic<bool>* abort = nullptr;    // another worker failed: stop at the next chunk
  stage::ProgressListener* progress = nullptr;
};

class DocumentCopier {
 public:
  // `table` is the staged description (unprefixed name); `serverTable` the name on the server.
  DocumentCopier(mariadb::Connection& source, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                 const schema::Table& table, std::string serverTable, CopyLimits limits);

  // Returns the document's staged row count for the run.
  std::int64_t copy(std::int64_t expectedRows = 0);

 private:
  std::string selectStatement(const std::vector<schema::Value>& resumeKey) const;
  std::vector<schema::Value> resumeKey(const stage::Chunk& last);
  void restartDocument();

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
