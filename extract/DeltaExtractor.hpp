// `m2stage extract --delta`: one pass over the change-logs of every tracked document. Each pass is
// a new delta run in the staging file (or completes the run a killed or failed pass left), holding, per changed key, the operation and the current
// Magento 1 row (a row gone by then is a delete). Change-log rows are locked while a batch is
// read, staged and committed to SQLite, and only then marked processed, so a change made
// meanwhile waits for the lock and flags its key unprocessed again: nothing is lost.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "audit/AuditTrail.hpp"
#include "extract/DeltaChange.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Config.hpp"
#include "schema/CustomerAttributes.hpp"
#include "schema/DocumentGroups.hpp"
#include "schema/MapRules.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::extract {

struct DeltaPassResult {
  std::int64_t run = 0;                       // 0 when nothing had changed (no run is created)
  std::map<std::string, std::int64_t> upserts, deletes;  // per document
  std::int64_t changes() const;
};

class DeltaExtractor {
 public:
  // `stepDocuments`: documents a delta step moves (Customer\Delta, SalesIncrement\Delta): their
  // changes are read even where map.xml ignores them. `customer`: when Customer\Delta runs, each
  // run holds whole customers (see CustomerDeltaScope).
  DeltaExtractor(const schema::Config& config, const schema::MapRules& map, stage::StageFile& stage,
                 audit::AuditTrail& audit, std::set<std::string> stepDocuments = {},
                 const schema::CustomerAttributes* customer = nullptr);
  DeltaPassResult pass();

 private:
  void readChangeLogs(const schema::DocumentGroups& groups, const std::filesystem::path& groupsFile,
                      mariadb::Connection& source, const std::map<std::string, schema::Table>& catalog,
                      stage::Runs& runs, DeltaPassResult& result);
  // Stages changes of one document as the run's next chunk (creating the run first if needed).
  void stageChunk(stage::Runs& runs, const schema::Table& staged, const std::vector<DeltaChange>& changes,
                  DeltaPassResult& result);
  void completeCustomers(mariadb::Connection& source, const std::map<std::string, schema::Table>& catalog,
                         stage::Runs& runs, DeltaPassResult& result);
  void finish(stage::Runs& runs, const DeltaPassResult& result, std::chrono::steady_clock::time_point started);

  const schema::Config& config_;
  const schema::MapRules& map_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  std::set<std::string> stepDocuments_;
  const schema::CustomerAttributes* customer_;
};

}  // namespace m2stage::extract
