#include "stage/WalFolder.hpp"

#include <utility>

#include <spdlog/spdlog.h>

namespace m2stage::stage {

namespace {
// WAL pages (64 KiB) from which a commit is folded in: 2 MiB, as SQLite's automatic checkpoint
// was set to (a fold per chunk would add two fsyncs to each of a store's hundreds of small tables).
constexpr int kWalPagesToFold = 32;
}  // namespace

WalFolder::WalFolder(const std::filesystem::path& path)
    : stage_(std::make_unique<StageFile>(path, StageFile::OpenMode::BesideMain)), thread_([this] { run(); }) {}

WalFolder::~WalFolder() {
  try {
    finish();
  } catch (const std::exception& error) {
    // The writers failed first; the WAL keeps what was not folded, and the next open reads it.
    spdlog::warn("{}: folding the WAL failed: {}", stage_->path().string(), error.what());
  }
}

void WalFolder::finish() {
  if (std::exchange(finished_, true)) return;
  {
    std::lock_guard guard(lock_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void WalFolder::committed(int walPages) {
  std::lock_guard guard(lock_);
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  if (walPages < kWalPagesToFold) return;
  due_ = true;
  wake_.notify_one();
}

void WalFolder::run() {
  std::unique_lock guard(lock_);
  for (;;) {
    wake_.wait(guard, [&] { return due_ || stopping_; });
    if (!due_) return;  // stopping, and no writer asked for a fold since the last one
    due_ = false;
    guard.unlock();
    std::exception_ptr error;
    try {
      stage_->checkpointWithoutWaiting();  // -1: a writer is folding it to start the WAL over
    } catch (...) {
      error = std::current_exception();
    }
    guard.lock();
    if (error) error_ = error;
  }
}

}  // namespace m2stage::stage
