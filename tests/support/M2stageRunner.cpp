#include "support/M2stageRunner.hpp"

#include "support/TestPaths.hpp"

namespace m2stage::test {

CommandResult runM2stage(const std::string& arguments) {
  CommandResult result;
  result.exitCode = runCommand(binary().string() + " " + arguments, &result.output);
  return result;
}

}  // namespace m2stage::test
