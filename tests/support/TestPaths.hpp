// Where tests find the project, the m2stage binary and the shared fixtures.
#pragma once

#include <filesystem>
#include <string>

namespace m2stage::test {

std::filesystem::path sourceDir();
std::filesystem::path binary();
// ../shared/fixtures beside the project; empty when absent (tests then skip).
std::filesystem::path sharedFixtures();
// A fresh empty directory under the system temp dir, removed by the caller or at exit.
std::filesystem::path makeTempDir(const std::string& prefix);

// Runs a shell command, returns its exit code; stdout+stderr captured into `output`.
int runCommand(const std::string& command, std::string* output = nullptr);

}  // namespace m2stage::test

// Skips the current test when ../shared/fixtures is absent.
#define M2STAGE_REQUIRE_SHARED_FIXTURES()                                              \
  do {                                                                                 \
    if (::m2stage::test::sharedFixtures().empty()) GTEST_SKIP() << "../shared absent"; \
  } while (0)
