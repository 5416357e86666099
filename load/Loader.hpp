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
#include "schema/SettingsRules.hpp"
#include "audit/Finding.hpp"
#include "stage/ProgressListener.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Table.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"
#include "load/InventoryStep.hpp"
#include "load/OrderGridsStep.hpp"
#include "load/PostProcessingStep.hpp"
#include "load/SalesIncrementStep.hpp"
#include "load/ConfigurablePricesStep.hpp"
#include "load/TierPriceStep.hpp"
#include "transform/CustomerStep.hpp"
#include "transform/UrlRewriteStep.hpp"

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
  bool finishedOnly = false;        // load the documents extracted so far of a run whose extract is not done
  bool verifyOnly = false;          // write nothing: compare Magento 2 with the staged rows again
  bool follow = false;              // wait for documents another process is extracting; end when all are loaded
  double interval = 5.0;            // seconds between --follow passes
  std::string mode = "data";        // data | settings: which runs it loads (see TransformOptions)
  const schema::SettingsRules* settings = nullptr;  // settings mode: for the transform-first
  bool integrity = true;            // the map's integrity check when transforming first
  const transform::CustomerStep* customer = nullptr;  // data mode: the Customer step (transform, eav_attribute)
  bool eav = false;                 // the EAV step when transforming first (see TransformOptions)
  const transform::UrlRewriteStep* urlRewrite = nullptr;  // data mode: the Url Rewrite step (for the transform-first)
  const SalesIncrementStep* salesIncrement = nullptr;  // data mode: sequence tables after the documents
  const OrderGridsStep* orderGrids = nullptr;          // data mode: sales grids rebuilt after the documents
  const InventoryStep* inventory = nullptr;            // data mode: MSI tables filled after the sales steps
  const PostProcessingStep* postProcessing = nullptr;  // data mode: Magento 2 clean-ups after every other step
  // Price steps (data mode), after the documents; the TierPrice step's documents are its own
  // (transform-first: the map leaves them, see TransformOptions::stepDocuments).
  const TierPriceStep* tierPrice = nullptr;
  const ConfigurablePricesStep* configurablePrices = nullptr;
};

struct LoadResult {
  std::int64_t run = 0;
  std::int64_t rows = 0;
  int documents = 0;
  int mismatches = 0;   // documents whose volume or content differs
  bool complete = true;  // false: --finished-only left documents still being extracted
};

// Refuses (stage::StageError, exit 5) before writing anything: a run not fully extracted (unless
// --finished-only or --follow), and a Magento 2 schema that drifted from the one transform used.
class Loader {
 public:
  Loader(const schema::Config& config, const schema::MapRules& map, stage::StageFile& stage, audit::AuditTrail& audit,
         LoadOptions options);
  LoadResult run();

 private:
  // One pass: transform what is ready, check the destination, load and verify what is pending.
  // Returns the documents still waiting for extract (0 when the run is complete).
  int pass(std::int64_t run, bool firstPass, LoadResult& result);
  bool hasUntransformedChunks(std::int64_t run);
  int destinationSteps(std::int64_t run);
  LoadResult verifyOnly(std::int64_t run);
  // Settings mode merges core_config_data into Magento 2 rather than replacing it.
  bool merged(const std::string& target) const;
  // The check of a merged document: every staged row is in Magento 2 by its unique key, with
  // the staged value (rows only Magento 2 has are not counted).
  void checkMerged(mariadb::Connection& destination, stage::StageFile& stage, std::int64_t run,
                          const stage::DocumentProgress& transformed, const schema::Table& table,
                   const std::string& serverTable, std::vector<audit::Finding>& findings);
  // Volume and content check of one loaded document; returns the mismatch text, empty when it matches.
  std::string check(mariadb::Connection& destination, stage::StageFile& stage, std::int64_t run,
                    const stage::DocumentProgress& transformed, const schema::Table& table, const std::string& serverTable,
                    bool recheck);

  const schema::Config& config_;
  const schema::MapRules& map_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  LoadOptions options_;
  std::string runMode_ = "data";  // the mode of the run being loaded
};

}  // namespace m2stage::load
