// Folds the staging file's WAL into the file on a thread and connection of its own while extract
// writes. A checkpoint waits for two fsyncs; made by the thread that stages rows, that wait held
// up staging, and with it the whole copy (30 000 rows: a tenth of the run). The writers turn off
// their automatic checkpoints and tell the folder after each commit how large the WAL has grown.
#pragma once

#include <condition_variable>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "stage/StageFile.hpp"

namespace m2stage::stage {

class WalFolder {
 public:
  explicit WalFolder(const std::filesystem::path& path);
  ~WalFolder();
  WalFolder(const WalFolder&) = delete;
  WalFolder& operator=(const WalFolder&) = delete;

  // After a writer's commit: folds once the WAL holds 2 MiB. Rethrows the error of an earlier
  // fold (a full disk), so the writer stops as if its own commit had failed.
  void committed(int walPages);
  // Once the writers are done: makes the fold a writer asked for, stops, and rethrows a fold's
  // error no writer has seen.
  void finish();

 private:
  void run();

  std::unique_ptr<StageFile> stage_;
  std::mutex lock_;
  std::condition_variable wake_;
  bool due_ = false;
  bool stopping_ = false;
  bool finished_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace m2stage::stage
