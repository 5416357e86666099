#include "support/TestPaths.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace m2stage::test {

std::filesystem::path sourceDir() { return M2STAGE_SOURCE_DIR; }
std::filesystem::path binary() { return M2STAGE_BINARY; }

std::filesystem::path sharedFixtures() {
  // M2STAGE_SHARED points elsewhere (or at nothing, to check that tests skip cleanly).
  const char* override = std::getenv("M2STAGE_SHARED");
  auto path = override ? std::filesystem::path(override) / "fixtures" : sourceDir().parent_path() / "shared" / "fixtures";
  return std::filesystem::exists(path) ? path : std::filesystem::path();
}

std::filesystem::path makeTempDir(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
  return pattern;
}

int runCommand(const std::string& command, std::string* output) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed: " + command);
  std::array<char, 4096> buffer{};
  std::string text;
  while (std::size_t read = fread(buffer.data(), 1, buffer.size(), pipe)) text.append(buffer.data(), read);
  int status = pclose(pipe);
  if (output) *output = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace m2stage::test
