// The loop every transform step runs over one staged Magento 1 document: each extracted chunk
// that is not transformed yet is read, turned into Magento 2 rows by the step, and written with
// its progress record, its findings and an audit event in one SQLite transaction, so a killed
// transform resumes at the first chunk it did not commit. A row that stops the step (a handler's
// fatal value, as upstream stops on broken data) rolls its chunk back; its finding is kept.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/AuditTrail.hpp"
#include "audit/Finding.hpp"
#include "schema/Table.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::transform {

// A staged row with its operation: `insert` in full runs; `upsert` or `delete` (key only) in delta runs.
struct StagedRow {
  std::string op;
  std::vector<schema::Value> values;
};

// What a step reported about one chunk (its rows go to `emit` as they are made).
struct ChunkOutput {
  std::vector<audit::Finding> findings;
  std::optional<audit::Finding> stop;  // set: the chunk is rolled back and transform stops with this finding
  std::string note;                    // added to the chunk's audit event
};

struct ChunkSteps {
  using Emit = std::function<void(const std::string& op, const std::vector<schema::Value>& row)>;
  // Reads the chunk's source rows from `rows` (a stream: one row in memory at a time, unless the
  // step gathers them) and passes each Magento 2 row to `emit`.
  std::function<ChunkOutput(stage::RowTable::Reader& rows, const Emit& emit, std::int64_t chunk)> perChunk;
  // Inside the chunk's transaction, after its rows are written (rows handlers wrote elsewhere, counters).
  std::function<void(const stage::Chunk& extracted)> committed;
};

// Transforms the chunks of `source` into the staged "m2.<destination>" rows with `outputColumns`;
// returns the document's rows out so far (earlier runs of the step included). Throws
// schema::TransformError when a chunk stops.
std::int64_t transformChunks(stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                             const schema::Table& source, const schema::Table& destination,
                             const std::vector<std::string>& outputColumns, const ChunkSteps& steps);

// The rows extract staged for a document of the run (the sum of its chunks).
std::int64_t extractedRows(stage::StageFile& stage, std::int64_t run, const std::string& document);

}  // namespace m2stage::transform
