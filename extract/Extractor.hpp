// `m2stage extract` (full mode): copies every Magento 1 document the map does not ignore into
// the staging file, chunk by chunk, inside one consistent snapshot, resumably.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "audit/AuditTrail.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Config.hpp"
#include "schema/MapRules.hpp"
#include "schema/Table.hpp"
#include "stage/ProgressListener.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::extract {

struct ExtractOptions {
  bool reset = false;        // -r: start a new run
  bool autoResolve = false;  // -a: missing documents become findings instead of a stop
  unsigned jobs = 1;         // connections reading documents in parallel
  stage::ProgressListener* progress = nullptr;
};

struct ExtractResult {
  std::int64_t run = 0;
  std::int64_t rows = 0;
  int documents = 0;
};

class Extractor {
 public:
  Extractor(const schema::Config& config, const schema::MapRules& map, stage::StageFile& stage,
            audit::AuditTrail& audit, ExtractOptions options);
  ExtractResult run();

 private:
  // Change logs and triggers for the deltalog groups, before the snapshot (issue: nothing lost).
  void installChangeCapture(mariadb::Connection& source, const std::map<std::string, schema::Table>& catalog,
                            std::int64_t run, bool reset);

  const schema::Config& config_;
  const schema::MapRules& map_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  ExtractOptions options_;
};

}  // namespace m2stage::extract
