// Sets up spdlog for a command: messages on stderr (colour only on a terminal), optionally
// also a log file; verbosity from -q / -v / -vv as the official tool maps it.
#pragma once

#include <string>

namespace m2stage::cmd {

// verbosity: -1 quiet (errors only), 0 and 1 info, 2+ debug.
void setupLogging(int verbosity, const std::string& logFile);

}  // namespace m2stage::cmd
