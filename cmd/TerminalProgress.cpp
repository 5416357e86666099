#include "cmd/TerminalProgress.hpp"

#include <cstdio>

#include <fmt/format.h>

namespace m2stage::cmd {

TerminalProgress::TerminalProgress() : redraw_([this] { redrawLoop(); }) {}

TerminalProgress::~TerminalProgress() {
  {
    std::lock_guard guard(lock_);
    stopping_ = true;
    clearLocked();
  }
  wake_.notify_all();
  redraw_.join();
}

void TerminalProgress::started(const std::string& document, std::int64_t doneRows, std::int64_t expectedRows) {
  std::lock_guard guard(lock_);
  active_[document] = Line{doneRows, doneRows, expectedRows, std::chrono::steady_clock::now()};
}

void TerminalProgress::advanced(const std::string& document, std::int64_t doneRows) {
  std::lock_guard guard(lock_);
  auto line = active_.find(document);
  if (line != active_.end()) line->second.done = doneRows;
}

void TerminalProgress::finished(const std::string& document) {
  std::lock_guard guard(lock_);
  clearLocked();
  active_.erase(document);
  drawLocked();
}

void TerminalProgress::lift() {
  std::lock_guard guard(lock_);
  clearLocked();
}

void TerminalProgress::putBack() {
  std::lock_guard guard(lock_);
  drawLocked();
}

void TerminalProgress::clearLocked() {
  // Up one line and erase it, for every line drawn.
  for (; drawnLines_ > 0; --drawnLines_) std::fputs("\x1b[1A\x1b[2K", stderr);
  std::fflush(stderr);
}

void TerminalProgress::drawLocked() {
  if (stopping_) return;
  auto now = std::chrono::steady_clock::now();
  for (const auto& [document, line] : active_) {
    double seconds = std::chrono::duration<double>(now - line.started).count();
    double rate = seconds > 0 ? static_cast<double>(line.done - line.startRows) / seconds : 0;
    std::string eta = "";
    if (line.expected > line.done && rate > 0) eta = fmt::format("  ETA {:.0f}s", static_cast<double>(line.expected - line.done) / rate);
    std::string total = line.expected > 0 ? fmt::format("/~{}", line.expected) : "";
    std::fputs(fmt::format("  {:<40} {:>10}{} rows {:>9.0f} rows/s{}\n", document, line.done, total, rate, eta).c_str(), stderr);
    ++drawnLines_;
  }
  std::fflush(stderr);
}

void TerminalProgress::redrawLoop() {
  std::unique_lock guard(lock_);
  while (!stopping_) {
    wake_.wait_for(guard, std::chrono::milliseconds(250));
    if (stopping_) break;
    clearLocked();
    drawLocked();
  }
}

void ProgressAwareSink::sink_it_(const spdlog::details::log_msg& message) {
  spdlog::memory_buf_t formatted;
  formatter_->format(message, formatted);
  progress_->lift();
  if (message.color_range_end > message.color_range_start) {
    // Colour the level as spdlog's console sink would.
    const char* colour = message.level >= spdlog::level::err    ? "\x1b[31m"
                         : message.level == spdlog::level::warn ? "\x1b[33m"
                         : message.level == spdlog::level::info ? "\x1b[32m"
                                                                 : "\x1b[36m";
    std::fwrite(formatted.data(), 1, message.color_range_start, stderr);
    std::fputs(colour, stderr);
    std::fwrite(formatted.data() + message.color_range_start, 1, message.color_range_end - message.color_range_start, stderr);
    std::fputs("\x1b[0m", stderr);
    std::fwrite(formatted.data() + message.color_range_end, 1, formatted.size() - message.color_range_end, stderr);
  } else {
    std::fwrite(formatted.data(), 1, formatted.size(), stderr);
  }
  progress_->putBack();
}

void ProgressAwareSink::flush_() { std::fflush(stderr); }

}  // namespace m2stage::cmd
