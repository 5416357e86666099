// The EAV step's load side (official Eav\Data's writes and Eav\Volume): replaces Magento 2's EAV
// metadata tables with the merged rows transform stored ("eav.<document>", see transform/EavStep)
// inside ONE transaction: every table is emptied with DELETE (not TRUNCATE, which commits) and
// refilled, then the ids and codes are read back in the same transaction and compared with the
// staged rows. Any error or difference rolls everything back, so Magento 2's EAV stays as it was;
// this replaces upstream's migration_backup_<table> copies and their restore.
#pragma once

#include <cstdint>

#include "audit/AuditTrail.hpp"
#include "schema/Config.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

class EavLoader {
 public:
  EavLoader(const schema::Config& config, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run);

  struct Outcome {
    int documents = 0;
    std::int64_t rows = 0;
    bool loadedBefore = false;  // an earlier load (or --follow pass) wrote them; nothing was written
  };
  // Writes the run's merged EAV rows unless they are loaded already (`reset`: write them again).
  // Nothing to do when the run has none (the step did not run). Throws VerificationFailed (exit 6)
  // when the rows read back differ, DatabaseError when a statement fails; both after rolling back.
  Outcome load(bool reset);

 private:
  const schema::Config& config_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  std::int64_t run_;
};

}  // namespace m2stage::load
