#include "support/M2stageRunner.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <SQLiteCpp/Database.h>

#include "support/TestPaths.hpp"

namespace m2stage::test {

CommandResult runM2stage(const std::string& arguments) {
  CommandResult result;
  result.exitCode = runCommand(binary().string() + " " + arguments, &result.output);
  return result;
}

pid_t startM2stage(const std::vector<std::string>& arguments, const std::string& output) {
  pid_t child = fork();
  if (child == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a test that failed half-way
    std::vector<char*> argv{const_cast<char*>("m2stage")};
    for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    int file = open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(file, STDOUT_FILENO);
    dup2(file, STDERR_FILENO);
    execv(binary().c_str(), argv.data());
    _exit(127);
  }
  return child;
}

bool waitForStage(pid_t child, const std::filesystem::path& stage, const std::string& sql, int atLeast) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (waitpid(child, nullptr, WNOHANG) == child) return false;
    try {
      SQLite::Database peek(stage.string(), SQLite::OPEN_READONLY);
      if (peek.tableExists("chunk") && peek.execAndGet(sql).getInt() >= atLeast) return true;
    } catch (const std::exception&) {
      // not created yet, or busy: look again
    }
  }
  return false;
}

}  // namespace m2stage::test
