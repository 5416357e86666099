// `m2stage transform`: runs the integrity check of the map against both schemas, then turns the
// staged Magento 1 rows of a run into Magento 2 rows ("m2.<document>"), chunk by chunk.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "audit/AuditTrail.hpp"
#include "schema/Config.hpp"
#include "schema/MapRules.hpp"
#include "schema/SettingsRules.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"
#include "transform/CustomerStep.hpp"
#include "transform/UrlRewriteStep.hpp"

namespace m2stage::transform {

struct TransformOptions {
  bool autoResolve = false;
  bool reset = false;                // forget this run's transform progress and redo it
  std::optional<std::int64_t> run;   // default: the newest full run
  // Transform the documents whose extract is done even though the run's extract is not (load
  // --finished-only and --follow). The step stays running until every document is transformed.
  bool finishedOnly = false;
  // With finishedOnly: also the chunks extracted so far of documents still being extracted (load
  // --follow), when no handler of the map looks things up in a document not fully extracted.
  bool chunksSoFar = false;
  std::string mode = "data";  // data | settings: the newest run of this mode by default; --run must match
  // Settings mode: the settings.xml rules for core_config_data (null: the Settings step is not run).
  const schema::SettingsRules* settings = nullptr;
  // The map's integrity check (data mode without a Map step in the step list: off).
  bool integrity = true;
  // Data mode: the Customer Attributes step (null: its documents go through the map as any other).
  const CustomerStep* customer = nullptr;
  // The EAV step (transform::EavStep): data mode, listed (or no list), and its files configured.
  bool eav = false;
  // Data mode: the Url Rewrite step (null: core_url_rewrite goes through the map, which ignores it).
  const UrlRewriteStep* urlRewrite = nullptr;
  // Magento 1 documents a load-time step moves itself (document -> step name, e.g. the TierPrice
  // step's tier and group prices): the map leaves them.
  std::map<std::string, std::string> stepDocuments;
};

struct TransformResult {
  std::int64_t run = 0;
  std::int64_t rowsIn = 0, rowsOut = 0;
  int documents = 0;
  std::int64_t passwordResets = 0;  // Customer step: accounts whose password hash Magento 2 cannot verify
};

// The run to work on: `run` when given (its mode must be `mode`), else the newest full run of the
// mode. Throws StageError naming what to do when there is none or the modes differ.
stage::Run selectRun(stage::StageFile& stage, std::optional<std::int64_t> run, const std::string& mode, const char* step);

class Transformer {
 public:
  Transformer(const schema::Config& config, const schema::MapRules& map, stage::StageFile& stage,
              audit::AuditTrail& audit, TransformOptions options);
  TransformResult run();

 private:
  // Whether every document a handler of the map looks things up in is fully extracted.
  bool lookupsExtracted(stage::Runs& runs, std::int64_t run) const;

  const schema::Config& config_;
  const schema::MapRules& map_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  TransformOptions options_;
};

}  // namespace m2stage::transform
