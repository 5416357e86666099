// Sets up spdlog for a command: messages on stderr (colour only on a terminal), optionally
// also a log file; verbosity from -q / -v / -vv as the official tool maps it.
#pragma once

#include <memory>
#include <string>

namespace m2stage::cmd {

class TerminalProgress;

// verbosity: -1 quiet (errors only), 0 and 1 info, 2+ debug. With `progress` (stderr is a
// terminal), log lines are printed above its live block.
void setupLogging(int verbosity, const std::string& logFile, std::shared_ptr<TerminalProgress> progress);

}  // namespace m2stage::cmd
