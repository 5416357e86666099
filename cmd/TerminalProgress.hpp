// The live progress block on a terminal: one line per active document with rows, rows/s and ETA,
// redrawn in place below the log. Log lines go through ProgressAwareSink, which lifts the block,
// prints the line and puts the block back, so logs and progress never garble each other.
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <spdlog/sinks/base_sink.h>

#include "stage/ProgressListener.hpp"

namespace m2stage::cmd {

class TerminalProgress : public stage::ProgressListener {
 public:
  TerminalProgress();
  ~TerminalProgress() override;

  void started(const std::string& document, std::int64_t doneRows, std::int64_t expectedRows) override;
  void advanced(const std::string& document, std::int64_t doneRows) override;
  void finished(const std::string& document) override;

  // Called by the log sink around each log line (with the sink's own lock held).
  void lift();
  void putBack();

 private:
  struct Line {
    std::int64_t done = 0, startRows = 0, expected = 0;
    std::chrono::steady_clock::time_point started;
  };
  void drawLocked();
  void clearLocked();
  void redrawLoop();

  std::mutex lock_;
  std::condition_variable wake_;
  std::map<std::string, Line> active_;
  int drawnLines_ = 0;
  bool stopping_ = false;
  std::thread redraw_;
};

// An stderr sink that keeps the progress block below the log lines.
class ProgressAwareSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit ProgressAwareSink(std::shared_ptr<TerminalProgress> progress) : progress_(std::move(progress)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override;
  void flush_() override;

 private:
  std::shared_ptr<TerminalProgress> progress_;
};

}  // namespace m2stage::cmd
