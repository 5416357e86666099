// Magento 2 tables that a step changed on purpose after the documents were loaded and checked
// (PostProcessing deletes leftover values, ConfigurablePrices rewrites child prices). Each change
// is an audit event `load.changed_after_load` naming the table, the rows and the step, so a later
// `load --verify-only` knows that these tables no longer equal the staged rows, and says so
// instead of reporting a mismatch.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "audit/AuditTrail.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

inline constexpr const char* kChangedAfterLoad = "load.changed_after_load";

// Records that `step` changed `rows` rows of Magento 2's `table` (unprefixed) in run `run`.
void recordChangedAfterLoad(audit::AuditTrail& audit, std::int64_t run, const std::string& table, std::int64_t rows,
                            const std::string& step);

// The run's tables changed after load: table -> "PostProcessing 12 rows, ConfigurablePrices 9 rows".
std::map<std::string, std::string> changedAfterLoad(stage::StageFile& stage, std::int64_t run);

}  // namespace m2stage::load
