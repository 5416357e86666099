// Rows fetched from Magento 1 for one chunk, held compactly: every cell's bytes in one buffer and
// a 4-byte size per cell, so a chunk costs a handful of allocations rather than one per cell. The
// fetching thread fills it while the staging thread writes the previous one.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "schema/Table.hpp"

namespace m2stage::extract {

struct FetchedChunk {
  static constexpr std::uint32_t kNull = UINT32_MAX;
  std::size_t columns = 0;
  std::size_t rows = 0;
  std::string bytes;
  std::vector<std::uint32_t> sizes;  // per cell, row-major; kNull for NULL (offsets are their running sum)

  // Empty again, keeping the buffers' capacity for the next chunk.
  void clear() {
    rows = 0;
    bytes.clear();
    sizes.clear();
  }
  void addCell(std::optional<std::string_view> cell) {
    sizes.push_back(cell ? static_cast<std::uint32_t>(cell->size()) : kNull);
    if (cell) bytes.append(*cell);
  }
  // Views into `bytes` for each row in turn (valid while the chunk lives and is not appended to).
  template <typename Visit>
  void forEachRow(std::vector<schema::ValueView>& row, Visit visit) const {
    row.resize(columns);
    std::size_t offset = 0, cell = 0;
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t c = 0; c < columns; ++c, ++cell) {
        if (sizes[cell] == kNull) {
          row[c] = schema::ValueView{};
        } else {
          row[c] = schema::ValueView{std::string_view(bytes.data() + offset, sizes[cell])};
          offset += sizes[cell];
        }
      }
      visit(row);
    }
  }
};

// The chunk buffers that all readers of one extract share: a fixed number, reused from chunk to
// chunk. Memory then depends on neither the row count nor how many documents run at once, and
// no buffer is allocated, faulted in and returned to the system per chunk.
class ChunkPool {
 public:
  explicit ChunkPool(std::size_t buffers) : free_(buffers) {}

  // An empty chunk; waits until another reader gives one back.
  FetchedChunk take() {
    std::unique_lock guard(lock_);
    returned_.wait(guard, [&] { return !free_.empty(); });
    FetchedChunk chunk = std::move(free_.back());
    free_.pop_back();
    return chunk;
  }
  void give(FetchedChunk chunk) {
    chunk.clear();
    std::lock_guard guard(lock_);
    free_.push_back(std::move(chunk));
    returned_.notify_one();
  }

 private:
  std::mutex lock_;
  std::condition_variable returned_;
  std::vector<FetchedChunk> free_;
};

// A queue of at most `capacity` chunks between the fetching and the staging thread.
class ChunkQueue {
 public:
  explicit ChunkQueue(std::size_t capacity) : capacity_(capacity) {}

  // False when the queue was closed (the consumer gave up); the chunk is then left with the caller.
  bool push(FetchedChunk& chunk) {
    std::unique_lock guard(lock_);
    changed_.wait(guard, [&] { return closed_ || chunks_.size() < capacity_; });
    if (closed_) return false;
    chunks_.push_back(std::move(chunk));
    changed_.notify_all();
    return true;
  }
  // nullopt once the queue is closed and empty.
  std::optional<FetchedChunk> pop() {
    std::unique_lock guard(lock_);
    changed_.wait(guard, [&] { return closed_ || !chunks_.empty(); });
    if (chunks_.empty()) return std::nullopt;
    FetchedChunk chunk = std::move(chunks_.front());
    chunks_.pop_front();
    changed_.notify_all();
    return chunk;
  }
  void close() {
    std::lock_guard guard(lock_);
    closed_ = true;
    changed_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::mutex lock_;
  std::condition_variable changed_;
  std::deque<FetchedChunk> chunks_;
  bool closed_ = false;
};

}  // namespace m2stage::extract
