#include "schema/StepList.hpp"

#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "schema/XmlFile.hpp"

namespace m2stage::schema {

namespace {

// Official step namespaces (Migration\Step\<name>\...) and the m2stage step they belong to.
// Commerce's SalesOrder appears in the official test configs.
const std::map<std::string, StepKind>& stepTable() {
  static const std::map<std::string, StepKind> table = {
      {"Map", StepKind::Map},
      {"Settings", StepKind::Settings},
      {"Stores", StepKind::Stores},
      {"DataIntegrity", StepKind::NotCovered},
      {"Eav", StepKind::Eav},
      {"Customer", StepKind::Customer},
      {"UrlRewrite", StepKind::UrlRewrite},
      {"Log", StepKind::NotCovered},
      {"Ratings", StepKind::NotCovered},
      {"ConfigurablePrices", StepKind::ConfigurablePrices},
      {"OrderGrids", StepKind::OrderGrids},
      {"TierPrice", StepKind::TierPrice},
      {"SalesIncrement", StepKind::SalesIncrement},
      {"Inventory", StepKind::Inventory},
      {"PostProcessing", StepKind::PostProcessing},
      {"SalesOrder", StepKind::NotCovered},
  };
  return table;
}

constexpr std::string_view kPrefix = "Migration\\Step\\";

// "Migration\Step\Eav\Data" -> "Eav"; "" when the class is not under Migration\Step.
std::string stepName(std::string className) {
  if (!className.empty() && className.front() == '\\') className.erase(0, 1);
  if (!className.starts_with(kPrefix)) return "";
  std::string rest = className.substr(kPrefix.size());
  auto separator = rest.find('\\');
  std::string name = rest.substr(0, separator);
  if (separator != std::string::npos) {
    std::string leaf = rest.substr(separator + 1);
    // One stage class below the step's namespace: Integrity, Data, Volume, Delta, Version191to2000...
    if (leaf.empty() || leaf.find('\\') != std::string::npos) return "";
  }
  return name;
}

}  // namespace

std::optional<StepKind> stepOfClass(const std::string& className) {
  auto found = stepTable().find(stepName(className));
  if (found == stepTable().end()) return std::nullopt;
  return found->second;
}

const std::vector<std::string>& storesDocuments() {
  static const std::vector<std::string> documents = {"core_store", "core_store_group", "core_website"};
  return documents;
}

std::set<std::string> StepPlan::settingsDocuments() const {
  std::set<std::string> documents;
  if (settings) documents.insert(kConfigDocument);
  if (stores) documents.insert(storesDocuments().begin(), storesDocuments().end());
  return documents;
}

std::string StepPlan::notCoveredWarning(const Config& config) const {
  if (notCovered.empty()) return "";
  return fmt::format("{}: {} mode lists official steps m2stage does not cover yet: {}; their tables go through the "
                     "Map step where map.xml does not ignore them",
                     config.file().filename().string(), mode, fmt::join(notCovered, ", "));
}

StepPlan planSteps(const Config& config, const std::string& mode) {
  StepPlan plan;
  plan.mode = mode;
  const auto& steps = config.steps(mode);
  if (steps.empty()) return plan;
  plan.listed = true;
  plan.map = plan.settings = plan.stores = plan.customer = plan.eav = plan.urlRewrite = plan.salesIncrement =
      plan.orderGrids = false;
  plan.inventory = plan.postProcessing = plan.tierPrice = plan.configurablePrices = false;
  for (const auto& step : steps) {
    std::set<std::string> uncovered;
    for (const auto& [stage, className] : step.stages) {
      auto kind = stepOfClass(className);
      if (!kind) {
        std::vector<std::string> known;
        for (const auto& entry : stepTable()) known.push_back(entry.first);
        throw InputError(fmt::format("{}:{}: unknown step class {} (step \"{}\", <{}>); m2stage knows the official "
                                     "Migration\\Step classes of: {}",
                                     config.file().string(), step.line, className, step.title, stage,
                                     fmt::join(known, ", ")));
      }
      switch (*kind) {
        case StepKind::Map: plan.map = true; break;
        case StepKind::Settings: plan.settings = true; break;
        case StepKind::Stores: plan.stores = true; break;
        case StepKind::Customer: plan.customer = true; break;
        case StepKind::Eav: plan.eav = true; break;
        case StepKind::UrlRewrite:
          // Data and delta mode. Upstream configures no UrlRewrite delta for 1.9; m2stage has one
          // (load/UrlRewriteDelta), because Magento 1 keeps creating rewrites while it runs.
          plan.urlRewrite = true;
          break;
        case StepKind::SalesIncrement: plan.salesIncrement = true; break;
        case StepKind::OrderGrids: plan.orderGrids = true; break;
        case StepKind::Inventory: plan.inventory = true; break;
        case StepKind::PostProcessing:
          // Data mode only; upstream configures no PostProcessing delta.
          if (mode == "delta") uncovered.insert(stepName(className));
          else plan.postProcessing = true;
          break;
        case StepKind::TierPrice:
        case StepKind::ConfigurablePrices:
          // Data mode only: upstream configures no delta for either; a delta list naming one is not covered.
          if (mode == "delta") uncovered.insert(stepName(className));
          else (*kind == StepKind::TierPrice ? plan.tierPrice : plan.configurablePrices) = true;
          break;
        case StepKind::NotCovered: uncovered.insert(stepName(className)); break;
      }
    }
    if (!uncovered.empty())
      plan.notCovered.push_back(fmt::format("{} ({})", step.title, fmt::join(uncovered, ", ")));
  }
  return plan;
}

}  // namespace m2stage::schema
