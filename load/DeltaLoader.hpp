// Applies one transformed delta run to Magento 2: per document and chunk, the deletes (with
// foreign-key checks on, so Magento 2 cascades as upstream), then the upserts, in one
// transaction. Applying a chunk twice leaves Magento 2 as applying it once, so a killed delta
// load simply applies its unconfirmed chunk again. A delta load never empties a table.
#pragma once

#include <cstdint>
#include <string>

#include "audit/AuditTrail.hpp"
#include "schema/Config.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

struct DeltaLoadResult {
  std::int64_t upserts = 0, deletes = 0;
};

class DeltaLoader {
 public:
  DeltaLoader(const schema::Config& config, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run);
  // Applies the chunks not applied yet; the run's load step stays running.
  DeltaLoadResult apply();
  // Marks the run's load done: after apply() and the delta steps that follow it on Magento 2
  // (grids, sequences), so a load killed in between does those steps again.
  void finish(const DeltaLoadResult& result);
  // A delta step after apply() failed: the run's load is failed (a later load does it again).
  void fail(const std::string& why);

 private:
  const schema::Config& config_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  std::int64_t run_;
};

}  // namespace m2stage::load
