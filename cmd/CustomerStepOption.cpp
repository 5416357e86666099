#include "cmd/CustomerStepOption.hpp"

#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

namespace m2stage::cmd {

std::optional<transform::CustomerStep> customerStep(const schema::Config& config, const schema::StepPlan& plan,
                                                    const std::string& mode) {
  if ((mode != "data" && mode != "delta") || !plan.customer) return std::nullopt;
  auto missing = transform::CustomerStep::missingOptions(config);
  if (!missing.empty()) {
    if (plan.listed)
      spdlog::warn("{}: the Customer Attributes Step needs {} in <options>; it is left out",
                   config.file().filename().string(), fmt::join(missing, ", "));
    return std::nullopt;
  }
  return transform::CustomerStep::forConfig(config);
}

}  // namespace m2stage::cmd
