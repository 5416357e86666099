#include "stage/Parallel.hpp"

#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace m2stage::stage {

void forEachInParallel(unsigned jobs, std::size_t items, std::atomic<bool>& abort,
                       const std::function<ItemHandler(unsigned worker)>& makeWorker) {
  std::atomic<std::size_t> next{0};
  std::mutex errorLock;
  std::exception_ptr firstError;
  auto work = [&](unsigned worker) {
    try {
      ItemHandler handle = makeWorker(worker);
      for (std::size_t item; !abort && (item = next++) < items;) handle(item);
    } catch (...) {
      std::lock_guard lock(errorLock);
      if (!firstError) firstError = std::current_exception();
      abort = true;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned worker = 1; worker < jobs; ++worker) threads.emplace_back(work, worker);
  work(0);
  for (auto& thread : threads) thread.join();
  if (firstError) std::rethrow_exception(firstError);
}

}  // namespace m2stage::stage
