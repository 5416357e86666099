// extract, transform and load in delta mode (--delta / --mode delta), with --follow.
#include <chrono>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/AuditTrail.hpp"
#include "cmd/Commands.hpp"
#include "cmd/CustomerStepOption.hpp"
#include "cmd/ExitCode.hpp"
#include "extract/DeltaExtractor.hpp"
#include "load/DeltaLoader.hpp"
#include "load/InventoryStep.hpp"
#include "load/OrderGridsStep.hpp"
#include "load/SalesIncrementStep.hpp"
#include "load/UrlRewriteDelta.hpp"
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

// How a delta run is transformed: the map step, and the Customer step when it runs (Customer\Delta).
// core_url_rewrite is left to the URL rewrite delta at load when it runs.
transform::TransformOptions deltaTransformOptions(const Options& options, std::int64_t run,
                                                  const std::optional<transform::CustomerStep>& customer,
                                                  bool urlRewrite) {
  transform::TransformOptions transformOptions{options.autoResolve, false, run};
  if (customer) transformOptions.customer = &*customer;
  if (urlRewrite) transformOptions.stepDocuments[load::UrlRewriteDelta::kSource] = "Url Rewrite";
  return transformOptions;
}

}  // namespace

int deltaExtractCommand(const Options& options) {
  auto config = schema::Config::load(options.config);
  auto map = schema::MapRules::forConfig(config);
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::CreateIfMissing);
  audit::AuditTrail audit(stage, options.commandLine);
  auto plan = schema::planSteps(config, "delta");
  auto customer = customerStep(config, plan, "delta");
  // The documents the delta steps move, whatever map.xml says.
  std::set<std::string> stepDocuments;
  if (customer)
    for (const auto& document : customer->attributes().sourceDocuments()) stepDocuments.insert(document.name);
  if (load::SalesIncrementStep::runsDelta(plan)) stepDocuments.insert("eav_entity_store");
  if (load::UrlRewriteDelta::forPlan(config, plan)) stepDocuments.insert(load::UrlRewriteDelta::kSource);
  std::int64_t passes = 0, changes = 0;
  try {
    do {
      auto result = extract::DeltaExtractor(config, map, stage, audit, stepDocuments,
                                            customer ? &customer->attributes() : nullptr).pass();
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
  auto plan = schema::planSteps(config, "delta");
  auto customer = customerStep(config, plan, "delta");
  bool urlRewrite = load::UrlRewriteDelta::forPlan(config, plan).has_value();
  int transformed = 0;
  for (auto run : pendingDeltaRuns(runs, "transform")) {
    transform::Transformer(config, map, stage, audit, deltaTransformOptions(options, run, customer, urlRewrite)).run();
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
  auto plan = schema::planSteps(config, "delta");
  auto orderGrids = load::OrderGridsStep::forPlan(config, plan);
  std::optional<load::SalesIncrementStep> salesIncrement;
  if (load::SalesIncrementStep::runsDelta(plan)) salesIncrement.emplace();
  auto customer = customerStep(config, plan, "delta");
  std::string prefix = config.prefix(schema::Side::Destination);
  bool inventory = load::InventoryStep::runs(plan);
  auto urlRewrite = load::UrlRewriteDelta::forPlan(config, plan);
  // The delta steps on Magento 2 after a run's rows are applied.
  auto deltaSteps = [&](std::int64_t run) {
    if (!orderGrids && !salesIncrement && !inventory && !urlRewrite) return;
    mariadb::Connection destination(config.database(schema::Side::Destination),
                                    config.initStatements(schema::Side::Destination));
    // OrderGrids\Delta: the grid rows of the orders, invoices, shipments and credit memos the run changed.
    if (orderGrids) orderGrids->refresh(destination, stage, audit, run, prefix);
    // SalesIncrement\Delta: the sequences follow Magento 1's new last numbers.
    if (salesIncrement) salesIncrement->raise(destination, stage, audit, run, prefix);
    // Inventory\Delta: the source items of the changed stock items, the changed shipments' sources.
    if (inventory) load::InventoryStep().refresh(destination, stage, audit, run, prefix);
    // The URL rewrite delta: core_url_rewrite's changes into url_rewrite and its product-category rows.
    if (urlRewrite) urlRewrite->apply(destination, stage, audit, run, prefix);
  };
  std::int64_t upserts = 0, deletes = 0;
  int applied = 0;
  try {
    do {
      for (auto run : pendingDeltaRuns(runs, "load")) {
        if (runs.stepState(run, "transform") != "done")
          transform::Transformer(config, map, stage, audit,
                                 deltaTransformOptions(options, run, customer, urlRewrite.has_value())).run();
        load::DeltaLoader loader(config, stage, audit, run);
        auto result = loader.apply();
        try {
          deltaSteps(run);
        } catch (const stage::Interrupted&) {
          throw;
        } catch (const std::exception& error) {
          loader.fail(error.what());
          throw;
        }
        // Only now is the run loaded: a load killed before this point applies nothing twice (its
        // applied chunks are recorded) and does the steps above again (each gives the same result twice).
        loader.finish(result);
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
