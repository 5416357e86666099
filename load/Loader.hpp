// `m2stage load`: writes a run's transformed rows into Magento 2, chunk by chunk, so a killed
// load continues where it stopped and ends as an uninterrupted one would; then checks volumes.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "audit/AuditTrail.hpp"
#include "schema/Config.hpp"
#include "schema/MapRules.hpp"
#include "stage/ProgressListener.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

// Volume check failed: counts in Magento 2 differ from the staged rows.
class VerificationFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LoadOptions {
  bool autoResolve = false;
  bool reset = false;               // forget this run's load progress (the tables are cleared again)
  std::optional<std::int64_t> run;  // default: the newest full run
  unsigned jobs = 1;                // connections loading documents in parallel
  stage::ProgressListener* progress = nullptr;
};

struct LoadResult {
  std::int64_t run = 0;
  std::int64_t rows = 0;
  int documents = 0;
  int mismatches = 0;
};

class Loader {
 public:
  Loader(const schema::Config& config, const schema::MapRules& map, stage::StageFile& stage, audit::AuditTrail& audit,
         LoadOptions options);
  LoadResult run();

 private:
  const schema::Config& config_;
  const schema::MapRules& map_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  LoadOptions options_;
};

}  // namespace m2stage::load
