// Rows fetched from Magento 1 for one chunk, held compactly: every cell's bytes in one buffer,
// so a chunk costs a handful of allocations rather than one per cell. The fetching thread fills
// it while the staging thread writes the previous one.
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
  std::size_t columns = 0;
  std::size_t rows = 0;
  std::string bytes;
  std::vector<std::int64_t> offsets;  // per cell, row-major; -1 for NULL
  std::vector<std::uint32_t> sizes;

  // Sized like the previous chunk, so the buffers are allocated once instead of doubling as they
  // fill (doubling would leave up to half of each in-flight buffer unused).
  void reserve(std::size_t byteCount, std::size_t cellCount) {
    bytes.reserve(byteCount + byteCount / 8);
    offsets.reserve(cellCount + cellCount / 8);
    sizes.reserve(cellCount + cellCount / 8);
  }
  void addCell(std::optional<std::string_view> cell) {
    offsets.push_back(cell ? static_cast<std::int64_t>(bytes.size()) : -1);
    sizes.push_back(cell ? static_cast<std::uint32_t>(cell->size()) : 0);
    if (cell) bytes.append(*cell);
  }
  // Views into `bytes` for one row (valid while the chunk lives and is not appended to).
  void row(std::size_t index, std::vector<schema::ValueView>& out) const {
    out.resize(columns);
    for (std::size_t c = 0; c < columns; ++c) {
      std::size_t cell = index * columns + c;
      out[c] = offsets[cell] < 0 ? schema::ValueView{}
                                 : schema::ValueView{std::string_view(bytes.data() + offsets[cell], sizes[cell])};
    }
  }
};

// A queue of at most `capacity` chunks between the fetching and the staging thread.
class ChunkQueue {
 public:
  explicit ChunkQueue(std::size_t capacity) : capacity_(capacity) {}

  // False when the queue was closed (the consumer gave up).
  bool push(FetchedChunk chunk) {
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
