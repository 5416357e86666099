// Runs the built m2stage binary as a user would, capturing its output and exit code.
#pragma once

#include <string>

namespace m2stage::test {

struct CommandResult {
  int exitCode = -1;
  std::string output;  // stdout and stderr together
};

// `arguments` is appended to the binary path as given (quote paths with spaces yourself).
CommandResult runM2stage(const std::string& arguments);

}  // namespace m2stage::test
