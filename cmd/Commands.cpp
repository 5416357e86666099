#include "cmd/Commands.hpp"

#include <chrono>
#include <filesystem>
#include <thread>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/AuditTrail.hpp"
#include "cmd/ExitCode.hpp"
#include "extract/Extractor.hpp"
#include "load/Loader.hpp"
#include "schema/Config.hpp"
#include "schema/MapRules.hpp"
#include "stage/Interrupt.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"
#include "transform/DestinationSchema.hpp"
#include "transform/Transformer.hpp"

namespace m2stage::cmd {

int extractCommand(const Options& options) {
  if (options.mode == "delta") return deltaExtractCommand(options);
  auto config = schema::Config::load(options.config);
  auto map = schema::MapRules::forConfig(config);
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::CreateIfMissing);
  audit::AuditTrail audit(stage, options.commandLine);
  auto result = extract::Extractor(config, map, stage, audit, {options.reset, options.autoResolve, options.jobs, options.progress}).run();
  fmt::print("extract: run {}: {} rows from {} documents staged in {}\n", result.run, result.rows, result.documents,
             options.stage);
  return kSuccess;
}

int transformCommand(const Options& options) {
  if (options.mode == "delta") return deltaTransformCommand(options);
  auto config = schema::Config::load(options.config);
  auto map = schema::MapRules::forConfig(config);
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::MustExist);
  audit::AuditTrail audit(stage, options.commandLine);
  auto result = transform::Transformer(config, map, stage, audit, {options.autoResolve, options.reset, options.run}).run();
  fmt::print("transform: run {}: {} rows into {} documents\n", result.run, result.rowsOut, result.documents);
  return kSuccess;
}

int loadCommand(const Options& options) {
  if (options.mode == "delta") return deltaLoadCommand(options);
  auto config = schema::Config::load(options.config);
  auto map = schema::MapRules::forConfig(config);
  // --follow may start before extract has created the staging file.
  while (options.follow && !std::filesystem::exists(options.stage)) {
    stage::checkInterrupt();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::MustExist);
  audit::AuditTrail audit(stage, options.commandLine);
  load::LoadOptions loadOptions{options.autoResolve, options.reset, options.run, options.jobs, options.progress};
  loadOptions.finishedOnly = options.finishedOnly;
  loadOptions.verifyOnly = options.verifyOnly;
  loadOptions.follow = options.follow;
  loadOptions.interval = options.interval;
  auto result = load::Loader(config, map, stage, audit, loadOptions).run();
  if (options.verifyOnly) {
    fmt::print("load: run {}: {} documents ({} rows) in {} match the staged rows\n", result.run, result.documents,
               result.rows, config.database(schema::Side::Destination).describe());
  } else {
    fmt::print("load: run {}: {} rows into {} documents of {}{}\n", result.run, result.rows, result.documents,
               config.database(schema::Side::Destination).describe(),
               result.complete ? "" : " (documents still being extracted are left for a later load)");
  }
  return kSuccess;
}

int schemaCommand(const Options& options) {
  auto config = schema::Config::load(options.config);
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::CreateIfMissing);
  audit::AuditTrail audit(stage, options.commandLine);
  stage::Runs runs(stage);
  auto latest = runs.latest("full");
  std::int64_t run = options.run.value_or(latest ? latest->id : 0);
  auto tables = transform::destinationSchema(config, stage, run);
  audit.record(run ? std::optional(run) : std::nullopt, "schema.capture", "", static_cast<std::int64_t>(tables.size()),
               config.database(schema::Side::Destination).describe());
  fmt::print("schema: {} Magento 2 tables stored in {} (run {})\n", tables.size(), options.stage, run);
  return kSuccess;
}

}  // namespace m2stage::cmd
