// What a subcommand was asked to do, after option parsing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "stage/ProgressListener.hpp"

namespace m2stage::cmd {

struct Options {
  std::string command;      // extract | transform | load | status | schema | deltalog
  std::string action;       // deltalog: status | install | remove
  std::string commandLine;  // as typed, for the audit trail (m2stage takes no passwords on it)
  std::string config;
  std::string stage;
  bool reset = false;
  bool autoResolve = false;
  int verbosity = 0;
  std::string logFile;
  std::optional<std::int64_t> run;
  unsigned jobs = 1;
  std::string mode = "data";  // data | delta
  bool follow = false;        // repeat delta passes / wait for runs being written
  double interval = 5.0;      // seconds between --follow passes
  stage::ProgressListener* progress = nullptr;  // live display on a terminal, else none
};

}  // namespace m2stage::cmd
