#include "transform/ChunkTransform.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "schema/Record.hpp"
#include "stage/ChunkWriter.hpp"
#include "stage/Interrupt.hpp"
#include "stage/RowTable.hpp"

namespace m2stage::transform {

namespace {
constexpr const char* kStep = "transform";
}  // namespace

std::int64_t transformChunks(stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                             const schema::Table& source, const schema::Table& destination,
                             const std::vector<std::string>& outputColumns, const ChunkSteps& steps) {
  stage::Runs runs(stage);
  stage::RowTable input(stage, "m1", source.name);
  stage::RowTable output(stage, "m2", destination.name);
  output.ensure(outputColumns);
  stage::RowTable::Writer writer(stage, output.name(), outputColumns, stage::RowTable::storageFor(destination, outputColumns));
  auto done = runs.chunks(run, kStep, source.name);
  std::int64_t rowsOut = 0;
  for (const auto& chunk : done) rowsOut += chunk.rows;
  for (const auto& extracted : runs.chunks(run, "extract", source.name)) {
    if (extracted.number < static_cast<std::int64_t>(done.size())) continue;  // already transformed
    stage::checkInterrupt();
    std::optional<audit::Finding> stop;
    {
      SQLite::Transaction transaction(stage.db(), SQLite::TransactionBehavior::IMMEDIATE);
      stage::ChunkWriter chunkWriter(writer, {run, kStep, source.name, extracted.number});
      ChunkOutput out;
      {
        stage::RowTable::Reader reader(stage, input.name(), source.columnNames(), extracted.firstRowid, extracted.lastRowid);
        out = steps.perChunk(reader, [&](const std::string& op, const std::vector<schema::Value>& row) { chunkWriter.add(op, row); },
                             extracted.number);
      }
      if (!out.stop) {
        stage::Chunk chunk = chunkWriter.finish();
        runs.addChunk(chunk);
        audit::appendFindings(stage, run, kStep, out.findings);
        if (steps.committed) steps.committed(extracted);
        rowsOut += chunk.rows;
        runs.setDocument(run, kStep, {source.name, destination.name, "running", "", rowsOut});
        audit.record(run, "transform.chunk", source.name, chunk.rows,
                     fmt::format("chunk {} checksum {}{}", chunk.number, chunk.checksum, out.note));
        transaction.commit();
        continue;
      }
      stop = std::move(out.stop);
    }  // rolled back: nothing of the chunk is kept
    // Upstream stops the migration here (§3: migrateBrokenData=false, Rule\SerializedData...);
    // --auto does not change that (§5.1: data errors are not affected). The finding stays.
    {
      SQLite::Transaction transaction(stage.db(), SQLite::TransactionBehavior::IMMEDIATE);
      audit::appendFindings(stage, run, kStep, {*stop});
      transaction.commit();
    }
    throw schema::TransformError(fmt::format("{} (chunk {})", stop->message, extracted.number));
  }
  return rowsOut;
}

std::int64_t extractedRows(stage::StageFile& stage, std::int64_t run, const std::string& document) {
  SQLite::Statement read(stage.db(), "SELECT COALESCE(SUM(rows), 0) FROM chunk WHERE run_id = ? AND step = 'extract' AND document = ?");
  read.bind(1, run);
  read.bind(2, document);
  read.executeStep();
  return read.getColumn(0).getInt64();
}

}  // namespace m2stage::transform
