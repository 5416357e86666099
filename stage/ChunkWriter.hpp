// Writes one chunk's rows into a staged row table and builds the chunk's record as it goes:
// the rowid range of its rows, their count and their checksum. Every step that stages rows
// (extract, delta extract, transform) writes through it, inside the chunk's transaction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"

namespace m2stage::stage {

class ChunkWriter {
 public:
  // `chunk` names the run, step, document and number; rows are staged with `_chunk` = `stagedChunk`.
  ChunkWriter(RowTable::Writer& writer, Chunk chunk, std::int64_t stagedChunk)
      : writer_(writer), chunk_(std::move(chunk)), stagedChunk_(stagedChunk) {}
  ChunkWriter(RowTable::Writer& writer, Chunk chunk) : ChunkWriter(writer, chunk, chunk.number) {}

  template <class Row>
  void add(const std::string& op, const Row& row) {
    std::int64_t rowid = writer_.insert(chunk_.run, op, stagedChunk_, row);
    if (chunk_.rows == 0) chunk_.firstRowid = rowid;
    chunk_.lastRowid = rowid;
    checksum_.add(row);
    ++chunk_.rows;
  }

  std::int64_t rows() const { return chunk_.rows; }
  // The finished record, checksum included (for Runs::addChunk).
  Chunk finish() {
    chunk_.checksum = checksum_.hex();
    return chunk_;
  }

 private:
  RowTable::Writer& writer_;
  Chunk chunk_;
  std::int64_t stagedChunk_;
  RowChecksum checksum_;
};

}  // namespace m2stage::stage
