// Whether a command runs the Customer Attributes step: shared by the data and delta commands.
#pragma once

#include <optional>
#include <string>

#include "schema/Config.hpp"
#include "schema/StepList.hpp"
#include "transform/CustomerStep.hpp"

namespace m2stage::cmd {

// The Customer Attributes step, when the mode's plan runs it (data and delta mode) and config.xml
// names its three files; a listed step without them is named in a warning and left out.
std::optional<transform::CustomerStep> customerStep(const schema::Config& config, const schema::StepPlan& plan,
                                                    const std::string& mode);

}  // namespace m2stage::cmd
