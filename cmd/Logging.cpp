#include "cmd/Logging.hpp"

#include "cmd/TerminalProgress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace m2stage::cmd {

namespace {

// "%*": the level in capitals, as the official log lines print it ([INFO], [WARNING], ...).
class UpperLevelFlag : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& message, const std::tm&, spdlog::memory_buf_t& out) override {
    auto name = spdlog::level::to_string_view(message.level);
    std::string upper(name.data(), name.size());
    if (upper == "warning" || upper == "warn") upper = "warning";
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    out.append(upper.data(), upper.data() + upper.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<UpperLevelFlag>(); }
};

std::unique_ptr<spdlog::formatter> makeFormatter() {
  auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
  formatter->add_flag<UpperLevelFlag>('*').set_pattern("[%Y-%m-%dT%H:%M:%S+00:00][%^%*%$] %v");
  return formatter;
}

}  // namespace

void setupLogging(int verbosity, const std::string& logFile, std::shared_ptr<TerminalProgress> progress) {
  spdlog::sink_ptr console;
  if (progress) {
    console = std::make_shared<ProgressAwareSink>(progress);
  } else {
    console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>(
        isatty(STDERR_FILENO) ? spdlog::color_mode::automatic : spdlog::color_mode::never);
  }
  std::vector<spdlog::sink_ptr> sinks{console};
  if (!logFile.empty()) sinks.push_back(std::make_shared<spdlog::sinks::basic_file_sink_mt>(logFile));
  auto logger = std::make_shared<spdlog::logger>("m2stage", sinks.begin(), sinks.end());
  logger->set_formatter(makeFormatter());
  logger->set_level(verbosity < 0 ? spdlog::level::err : verbosity >= 2 ? spdlog::level::debug : spdlog::level::info);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

}  // namespace m2stage::cmd
