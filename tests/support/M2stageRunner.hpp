// Runs the built m2stage binary as a user would, capturing its output and exit code.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace m2stage::test {

struct CommandResult {
  int exitCode = -1;
  std::string output;  // stdout and stderr together
};

// `arguments` is appended to the binary path as given (quote paths with spaces yourself).
CommandResult runM2stage(const std::string& arguments);

// Starts `m2stage <arguments>` in a child process, its output going to `output`.
pid_t startM2stage(const std::vector<std::string>& arguments, const std::string& output = "/dev/null");

// Polls the staging file until `sql` gives at least `atLeast` (true), or the child ends or
// 60 s pass (false): for killing or pausing a running step at a chosen depth.
bool waitForStage(pid_t child, const std::filesystem::path& stage, const std::string& sql, int atLeast);

}  // namespace m2stage::test
