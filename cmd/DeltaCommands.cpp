// extract, transform and load in delta mode (--delta / --mode delta), with --follow.
#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/AuditTrail.hpp"
#include "cmd/Commands.hpp"
#include "cmd/ExitCode.hpp"
#include "extract/DeltaExtractor.hpp"
#include "load/DeltaLoader.hpp"
#include "load/OrderGridsStep.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Config.hpp"
#include "schema/MapRules.hpp"
#include "schema/StepList.hpp"
#include "stage/Interrupt.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"
#include "transform/Transformer.hpp"

namespace m2stage::cmd {

namespace {

// Sleeps up to `seconds`, waking early on Ctrl-C.
void pause(double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!stage::interruptRequested() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

// Delta runs whose extract is done and whose `step` is not, oldest first.
std::vector<std::int64_t> pendingDeltaRuns(stage::Runs& runs, const std::string& step) {
  std::vector<std::int64_t> pending;
  for (const auto& run : runs.all()) {
    if (run.kind == "delta" && runs.stepState(run.id, "extract") == "done" && runs.stepState(run.id, step) != "done")
      pending.push_back(run.id);
  }
  return pending;
}

}  // namespace

int deltaExtractCommand(const Options& options) {
  auto config = schema::Config::load(options.config);
  auto map = schema::MapRules::forConfig(config);
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::CreateIfMissing);
  audit::AuditTrail audit(stage, options.commandLine);
  std::int64_t passes = 0, changes = 0;
  try {
    do {
      auto result = extract::DeltaExtractor(config, map, stage, audit).pass();
      ++passes;
      changes += result.changes();
      if (result.run) {
        for (const auto& [document, count] : result.upserts) spdlog::info("delta: run {}: {} upserts of {}", result.run, count, document);
        for (const auto& [document, count] : result.deletes) spdlog::info("delta: run {}: {} deletes of {}", result.run, count, document);
      }
      if (options.follow) pause(options.interval);
    } while (options.follow && !stage::interruptRequested());
  } catch (const stage::Interrupted&) {
    // The batch in hand was rolled back on Magento 1 and stays unprocessed there.
  }
  fmt::print("extract --delta: {} changes staged in {} passes\n", changes, passes);
  return stage::interruptRequested() ? kInterrupted : kSuccess;
}

int deltaTransformCommand(const Options& options) {
  auto config = schema::Config::load(options.config);
  auto map = schema::MapRules::forConfig(config);
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::MustExist);
  audit::AuditTrail audit(stage, options.commandLine);
  stage::Runs runs(stage);
  int transformed = 0;
  for (auto run : pendingDeltaRuns(runs, "transform")) {
    transform::Transformer(config, map, stage, audit, {options.autoResolve, false, run}).run();
    ++transformed;
  }
  fmt::print("transform --delta: {} delta runs transformed\n", transformed);
  return kSuccess;
}

int deltaLoadCommand(const Options& options) {
  auto config = schema::Config::load(options.config);
  auto map = schema::MapRules::forConfig(config);
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::MustExist);
  audit::AuditTrail audit(stage, options.commandLine);
  stage::Runs runs(stage);
  auto orderGrids = load::OrderGridsStep::forPlan(config, schema::planSteps(config, "delta"));
  std::int64_t upserts = 0, deletes = 0;
  int applied = 0;
  try {
    do {
      for (auto run : pendingDeltaRuns(runs, "load")) {
        if (runs.stepState(run, "transform") != "done")
          transform::Transformer(config, map, stage, audit, {options.autoResolve, false, run}).run();
        auto result = load::DeltaLoader(config, stage, audit, run).run();
        if (orderGrids) {
          // OrderGrids\Delta: the grid rows of the orders, invoices, shipments and credit memos the run changed.
          mariadb::Connection destination(config.database(schema::Side::Destination),
                                          config.initStatements(schema::Side::Destination));
          orderGrids->refresh(destination, stage, audit, run, config.prefix(schema::Side::Destination));
        }
        upserts += result.upserts;
        deletes += result.deletes;
        ++applied;
      }
      if (options.follow) pause(options.interval);
    } while (options.follow && !stage::interruptRequested());
  } catch (const stage::Interrupted&) {
    // The chunk in hand was rolled back in Magento 2; the next load applies it again.
  }
  fmt::print("load --delta: {} delta runs applied: {} upserts, {} deletes\n", applied, upserts, deletes);
  return stage::interruptRequested() ? kInterrupted : kSuccess;
}

}  // namespace m2stage::cmd
