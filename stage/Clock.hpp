// Timestamps and the host name as the staging file records them.
#pragma once

#include <string>

namespace m2stage::stage {

// UTC, ISO 8601 with milliseconds: "2026-11-22T01:49:57.123Z" (sorts as text).
std::string nowUtc();
std::string hostName();

}  // namespace m2stage::stage
