#include "cmd/Commands.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "audit/AuditTrail.hpp"
#include "cmd/CustomerStepOption.hpp"
#include "cmd/ExitCode.hpp"
#include "extract/Extractor.hpp"
#include "load/InventoryStep.hpp"
#include "load/Loader.hpp"
#include "load/ConfigurablePricesStep.hpp"
#include "load/OrderGridsStep.hpp"
#include "load/PostProcessingStep.hpp"
#include "load/SalesIncrementStep.hpp"
#include "load/TierPriceStep.hpp"
#include "schema/Config.hpp"
#include "schema/MapRules.hpp"
#include "schema/SettingsRules.hpp"
#include "schema/StepList.hpp"
#include "schema/XmlFile.hpp"
#include "stage/Interrupt.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"
#include "transform/CustomerStep.hpp"
#include "transform/DestinationSchema.hpp"
#include "transform/EavStep.hpp"
#include "transform/Transformer.hpp"
#include "transform/UrlRewriteStep.hpp"

namespace m2stage::cmd {

namespace {

// What the config's step list for the mode runs (file:line errors for unknown classes); warns once
// about official steps m2stage does not cover yet.
schema::StepPlan stepPlan(const schema::Config& config, const std::string& mode) {
  auto plan = schema::planSteps(config, mode);
  if (auto warning = plan.notCoveredWarning(config); !warning.empty()) spdlog::warn("{}", warning);
  if (plan.listed && mode != "settings" && !plan.map)
    spdlog::warn("{}: the {} step list has no Map step (Migration\\Step\\Map\\*): no document is {}",
                 config.file().filename().string(), mode, mode == "delta" ? "followed" : "moved");
  if (plan.listed && mode == "settings") {
    if (!plan.settings) spdlog::info("settings: the step list has no Settings step: core_config_data is left alone");
    if (!plan.stores) spdlog::info("settings: the step list has no Stores step: the stores are left alone");
  }
  return plan;
}

// The rules of the settings-mode steps the plan runs (each needs its file only when it runs).
struct SettingsMaps {
  schema::SettingsRules settings;
  schema::MapRules stores;
  std::vector<std::pair<std::string, std::filesystem::path>> files;  // saved with the run
};

SettingsMaps settingsMaps(const schema::Config& config, const schema::StepPlan& plan) {
  SettingsMaps maps;
  if (plan.settings) {
    maps.settings = schema::SettingsRules::forConfig(config);
    maps.files.emplace_back("settings.xml", maps.settings.file());
  }
  if (plan.stores) {
    auto path = config.fileOption("stores_map_file");
    if (path.empty())
      throw schema::InputError(fmt::format("{}: settings mode needs <stores_map_file> in <options> (m2stage ships "
                                           "schema/maps/ce-1.9-to-2.4/map-stores.xml)",
                                           config.file().string()));
    maps.stores = schema::MapRules::load(path);
    maps.files.emplace_back("map-stores.xml", path);
  }
  return maps;
}

// The Url Rewrite step, when the mode's plan runs it (data mode) and config.xml does not set
// <skip_url_rewrites> (Magento 2 then regenerates the rewrites; see the README).
std::optional<transform::UrlRewriteStep> urlRewriteStep(const schema::Config& config, const schema::StepPlan& plan,
                                                        const std::string& mode) {
  if (mode != "data" || !plan.urlRewrite) return std::nullopt;
  auto step = transform::UrlRewriteStep::forConfig(config, plan.listed);
  if (!step) spdlog::info("{}: skip_url_rewrites is set: the Url Rewrite Step is left out (Magento 2 regenerates them)",
                          config.file().filename().string());
  return step;
}

}  // namespace

int extractCommand(const Options& options) {
  auto config = schema::Config::load(options.config);
  auto plan = stepPlan(config, options.mode);
  if (options.mode == "delta") {
    if (!plan.map) return kSuccess;
    return deltaExtractCommand(options);
  }
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::CreateIfMissing);
  audit::AuditTrail audit(stage, options.commandLine);
  extract::ExtractOptions extractOptions{options.reset, options.autoResolve, options.jobs, options.progress};
  extractOptions.mode = options.mode;
  schema::MapRules map;
  if (options.mode == "settings") {
    auto maps = settingsMaps(config, plan);  // read now, so a bad file stops before any work
    extractOptions.documents = plan.settingsDocuments();
    extractOptions.configFiles = maps.files;
  } else {
    map = schema::MapRules::forConfig(config);
    if (!plan.map) extractOptions.documents = std::set<std::string>{};
    // The special steps' own tables are staged even where the map ignores them.
    auto stageAlso = [&](const std::set<std::string>& documents) {
      extractOptions.extraDocuments.insert(documents.begin(), documents.end());
      if (extractOptions.documents) extractOptions.documents->insert(documents.begin(), documents.end());
    };
    if (auto customer = customerStep(config, plan, options.mode)) {
      stageAlso(customer->stagedDocuments());
      for (const auto& file : customer->files()) extractOptions.configFiles.push_back(file);
    }
    if (plan.eav && transform::EavStep::configured(config)) stageAlso(transform::EavStep::sourceDocuments(config));
    if (auto urlRewrite = urlRewriteStep(config, plan, options.mode)) stageAlso(urlRewrite->stagedDocuments());
    if (load::SalesIncrementStep::runs(plan) && plan.map) {
      // The increment facts and the sales tables checked for duplicate increment ids (without
      // the Map step nothing is staged for it: eav_entity_store would be moved as a map document).
      const auto& documents = load::SalesIncrementStep::stagedDocuments();
      extractOptions.extraDocuments.insert(documents.begin(), documents.end());
    }
    // Price steps: the TierPrice step's own documents (the map leaves them to it); the
    // ConfigurablePrices step's tables only with the Map step (without it they would be moved as
    // map documents: catalog_product_entity_decimal, core_store...).
    if (load::TierPriceStep::runs(plan)) stageAlso(load::TierPriceStep::stagedDocuments());
    if (load::ConfigurablePricesStep::runs(plan) && plan.map) {
      const auto& documents = load::ConfigurablePricesStep::stagedDocuments();
      extractOptions.extraDocuments.insert(documents.begin(), documents.end());
    }
  }
  auto result = extract::Extractor(config, map, stage, audit, extractOptions).run();
  fmt::print("extract: {}run {}: {} rows from {} documents staged in {}\n", options.mode == "settings" ? "settings " : "",
             result.run, result.rows, result.documents, options.stage);
  return kSuccess;
}

int transformCommand(const Options& options) {
  auto config = schema::Config::load(options.config);
  auto plan = stepPlan(config, options.mode);
  if (options.mode == "delta") {
    if (!plan.map) return kSuccess;
    return deltaTransformCommand(options);
  }
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::MustExist);
  audit::AuditTrail audit(stage, options.commandLine);
  transform::TransformOptions transformOptions{options.autoResolve, options.reset, options.run};
  transformOptions.mode = options.mode;
  transformOptions.integrity = plan.map;
  transformOptions.eav = options.mode == "data" && plan.eav && transform::EavStep::configured(config);
  SettingsMaps maps;
  schema::MapRules map;
  if (options.mode == "settings") {
    maps = settingsMaps(config, plan);
    if (plan.settings) transformOptions.settings = &maps.settings;
  } else {
    map = schema::MapRules::forConfig(config);
  }
  auto customer = customerStep(config, plan, options.mode);
  if (customer) transformOptions.customer = &*customer;
  auto urlRewrite = urlRewriteStep(config, plan, options.mode);
  if (urlRewrite) transformOptions.urlRewrite = &*urlRewrite;
  if (load::TierPriceStep::runs(plan)) transformOptions.stepDocuments = load::TierPriceStep::ownedDocuments();
  auto result =
      transform::Transformer(config, options.mode == "settings" ? maps.stores : map, stage, audit, transformOptions).run();
  fmt::print("transform: {}run {}: {} rows into {} documents\n", options.mode == "settings" ? "settings " : "", result.run,
             result.rowsOut, result.documents);
  if (result.passwordResets > 0)
    fmt::print("transform: run {}: {} customer accounts need a password reset (Magento 2 cannot verify their password "
               "hash; see `m2stage findings --kind {}`)\n",
               result.run, result.passwordResets, transform::kPasswordReset);
  if (load::SalesIncrementStep::runs(plan)) {
    if (auto duplicates = load::SalesIncrementStep::reportDuplicates(stage, result.run, "transform"))
      fmt::print("transform: run {}: {} increment ids Magento 1 holds twice for one store (see `m2stage findings "
                 "--kind {}`)\n",
                 result.run, duplicates, load::kDuplicateIncrementId);
  }
  return kSuccess;
}

int loadCommand(const Options& options) {
  auto config = schema::Config::load(options.config);
  auto plan = stepPlan(config, options.mode);
  if (options.mode == "delta") {
    if (!plan.map) return kSuccess;
    return deltaLoadCommand(options);
  }
  SettingsMaps maps;
  schema::MapRules map;
  if (options.mode == "settings") {
    maps = settingsMaps(config, plan);
  } else {
    map = schema::MapRules::forConfig(config);
  }
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
  loadOptions.mode = options.mode;
  loadOptions.integrity = plan.map;
  loadOptions.eav = options.mode == "data" && plan.eav && transform::EavStep::configured(config);
  if (options.mode == "settings" && plan.settings) loadOptions.settings = &maps.settings;
  auto customer = customerStep(config, plan, options.mode);
  if (customer) loadOptions.customer = &*customer;
  auto urlRewrite = urlRewriteStep(config, plan, options.mode);
  if (urlRewrite) loadOptions.urlRewrite = &*urlRewrite;
  load::SalesIncrementStep salesIncrement;
  if (options.mode == "data" && load::SalesIncrementStep::runs(plan)) loadOptions.salesIncrement = &salesIncrement;
  auto orderGrids = options.mode == "data" ? load::OrderGridsStep::forPlan(config, plan) : std::nullopt;
  if (orderGrids) loadOptions.orderGrids = &*orderGrids;
  load::InventoryStep inventory;
  if (options.mode == "data" && load::InventoryStep::runs(plan)) loadOptions.inventory = &inventory;
  auto postProcessing = options.mode == "data" ? load::PostProcessingStep::forPlan(config, plan) : std::nullopt;
  if (postProcessing) loadOptions.postProcessing = &*postProcessing;
  load::TierPriceStep tierPrice;
  if (load::TierPriceStep::runs(plan)) loadOptions.tierPrice = &tierPrice;
  load::ConfigurablePricesStep configurablePrices;
  if (load::ConfigurablePricesStep::runs(plan)) loadOptions.configurablePrices = &configurablePrices;
  auto result = load::Loader(config, options.mode == "settings" ? maps.stores : map, stage, audit, loadOptions).run();
  if (options.verifyOnly) {
    fmt::print("load: run {}: {} documents ({} rows) in {} match the staged rows\n", result.run, result.documents,
               result.rows, config.database(schema::Side::Destination).describe());
  } else {
    fmt::print("load: {}run {}: {} rows into {} documents of {}{}\n", options.mode == "settings" ? "settings " : "",
               result.run, result.rows, result.documents,
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
  auto latest = runs.latest("full", options.mode == "delta" ? "data" : options.mode);
  std::int64_t run = options.run.value_or(latest ? latest->id : 0);
  auto tables = transform::destinationSchema(config, stage, run);
  audit.record(run ? std::optional(run) : std::nullopt, "schema.capture", "", static_cast<std::int64_t>(tables.size()),
               config.database(schema::Side::Destination).describe());
  fmt::print("schema: {} Magento 2 tables stored in {} (run {})\n", tables.size(), options.stage, run);
  return kSuccess;
}

}  // namespace m2stage::cmd
