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
  std::string mode = "data";  // data | settings | delta
  bool follow = false;        // repeat delta passes / wait for runs being written
  double interval = 5.0;      // seconds between --follow passes
  bool finishedOnly = false;  // load: the documents extracted so far of a run whose extract is not done
  bool verifyOnly = false;    // load: compare Magento 2 with the staged rows again, write nothing
  stage::ProgressListener* progress = nullptr;  // live display on a terminal, else none
  // Inspection commands (status, findings, audit, report, prune).
  std::string format = "table";           // table | json | csv
  std::string kind;                       // findings: only this kind
  std::string document;                   // findings: only this document
  std::string since;                      // audit: events at or after this time
  std::string html;                       // report: the HTML file to write
  std::optional<std::int64_t> before;     // prune: drop staged rows of runs below this one
};

}  // namespace m2stage::cmd
