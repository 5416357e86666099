// Runs a list of independent items (documents) on a fixed number of worker threads, the way
// extract and load spread documents over connections. The first failure stops every worker
// from taking new items, raises `abort` for the ones in flight, and is rethrown to the caller.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace m2stage::stage {

// `makeWorker(worker)` runs on the worker's own thread and returns the function that handles one
// item there (so each worker can own its connections). Worker 0 runs on the calling thread.
using ItemHandler = std::function<void(std::size_t item)>;
void forEachInParallel(unsigned jobs, std::size_t items, std::atomic<bool>& abort,
                       const std::function<ItemHandler(unsigned worker)>& makeWorker);

}  // namespace m2stage::stage
