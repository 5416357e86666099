#include "load/DeltaLoader.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "load/BatchInserter.hpp"
#include "mariadb/Connection.hpp"
#include "schema/TablePrefix.hpp"
#include "stage/Interrupt.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"

namespace m2stage::load {

namespace {

constexpr const char* kStep = "load";
constexpr std::size_t kDeleteBatch = 500;
using schema::Side;

// DELETE ... WHERE (k1 <=> v AND k2 <=> w) OR (...)
void deleteKeys(mariadb::Connection& destination, const std::string& serverTable, const schema::Table& table,
                const std::vector<std::size_t>& keyIndexes, const std::vector<std::vector<schema::Value>>& rows) {
  for (std::size_t start = 0; start < rows.size(); start += kDeleteBatch) {
    std::string condition;
    for (std::size_t r = start; r < std::min(rows.size(), start + kDeleteBatch); ++r) {
      std::string term;
      for (std::size_t k = 0; k < keyIndexes.size(); ++k) {
        const auto& column = table.primaryKey[k];
        term += (k ? " AND " : "") + mariadb::quoteIdentifier(column) + " <=> " +
                destination.literal(rows[r][keyIndexes[k]], table.find(column)->isBinary());
      }
      condition += (condition.empty() ? "(" : " OR (") + term + ")";
    }
    destination.execute(fmt::format("DELETE FROM {} WHERE {}", mariadb::quoteIdentifier(serverTable), condition));
  }
}

}  // namespace

DeltaLoader::DeltaLoader(const schema::Config& config, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run)
    : config_(config), stage_(stage), audit_(audit), run_(run) {}

DeltaLoadResult DeltaLoader::apply() {
  stage::Runs runs(stage_);
  mariadb::Connection destination(config_.database(Side::Destination), config_.initStatements(Side::Destination));
  destination.execute("SET SESSION SQL_MODE='NO_AUTO_VALUE_ON_ZERO'");
  std::size_t maxStatementBytes = std::min<unsigned long>(destination.serverMaxAllowedPacket() - 4096, 16UL << 20);
  std::string prefix = config_.prefix(Side::Destination);
  auto schema = runs.loadSchema(run_, "m2");
  DeltaLoadResult result;
  runs.startStep(run_, kStep);
  audit_.record(run_, "load.start", "", std::nullopt, config_.database(Side::Destination).describe());
  try {
    for (const auto& transformed : runs.documents(run_, "transform")) {
      if (transformed.state != "done" || transformed.target.empty()) continue;
      const auto& table = schema.at(transformed.target);
      std::string serverTable = schema::withPrefix(table.name, prefix);
      stage::RowTable staged(stage_, "m2", table.name);
      auto columns = staged.columns();
      std::vector<bool> binary;
      for (const auto& column : columns) binary.push_back(table.find(column)->isBinary());
      std::vector<std::size_t> keyIndexes;
      for (const auto& key : table.primaryKey) {
        auto position = std::find(columns.begin(), columns.end(), key);
        if (position != columns.end()) keyIndexes.push_back(static_cast<std::size_t>(position - columns.begin()));
      }
      bool keyed = !table.primaryKey.empty() && keyIndexes.size() == table.primaryKey.size();

      auto loaded = runs.chunks(run_, kStep, transformed.document).size();
      std::int64_t rows = 0;
      for (auto chunk : runs.chunks(run_, "transform", transformed.document)) {
        if (chunk.number < static_cast<std::int64_t>(loaded)) continue;
        stage::checkInterrupt();
        std::vector<std::vector<schema::Value>> deletes;
        destination.execute("START TRANSACTION");
        BatchInserter upserts(destination, serverTable, columns, binary, maxStatementBytes, true);
        stage::RowTable::Reader reader(stage_, staged.name(), columns, chunk.firstRowid, chunk.lastRowid);
        std::int64_t upserted = 0;
        while (reader.next()) {
          if (reader.op() == "delete") {
            deletes.push_back(reader.values());
          } else {
            upserts.add(reader.values());
            ++upserted;
          }
        }
        if (!deletes.empty()) {
          if (!keyed) throw stage::StageError(fmt::format("cannot apply deletes to {}: it has no primary key among the loaded columns", serverTable));
          // Deletes first, with foreign-key checks on so Magento 2 cascades (as upstream).
          destination.execute("SET FOREIGN_KEY_CHECKS=1");
          deleteKeys(destination, serverTable, table, keyIndexes, deletes);
          destination.execute("SET FOREIGN_KEY_CHECKS=0");
        }
        upserts.flush();
        destination.execute("COMMIT");
        SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
        chunk.step = kStep;
        runs.addChunk(chunk);
        rows += chunk.rows;
        runs.setDocument(run_, kStep, {transformed.document, table.name, "running", "", rows});
        audit_.record(run_, "load.delta.chunk", transformed.document, chunk.rows,
                      fmt::format("chunk {} into {}: {} upserts, {} deletes", chunk.number, table.name, upserted, deletes.size()));
        transaction.commit();
        result.upserts += upserted;
        result.deletes += static_cast<std::int64_t>(deletes.size());
      }
      auto progress = runs.document(run_, kStep, transformed.document);
      runs.setDocument(run_, kStep, {transformed.document, table.name, "done", "", progress ? progress->rows : 0});
    }
  } catch (const std::exception& error) {
    runs.finishStep(run_, kStep, "failed", result.upserts + result.deletes);
    audit_.record(run_, "load.failed", "", result.upserts + result.deletes, error.what());
    throw;
  }
  return result;
}

void DeltaLoader::fail(const std::string& why) {
  stage::Runs(stage_).finishStep(run_, kStep, "failed", 0);
  audit_.record(run_, "load.failed", "", std::nullopt, why);
}

void DeltaLoader::finish(const DeltaLoadResult& result) {
  // The run's rows, including those an earlier, interrupted load applied. The query is finished
  // before the write: a connection still reading cannot take the write lock when another process
  // holds it or has committed since (SQLITE_BUSY at once, without the busy timeout).
  std::int64_t rows = 0;
  {
    SQLite::Statement applied(stage_.db(), "SELECT COALESCE(SUM(rows), 0) FROM chunk WHERE run_id = ? AND step = ?");
    applied.bind(1, run_);
    applied.bind(2, kStep);
    applied.executeStep();
    rows = applied.getColumn(0).getInt64();
  }
  stage::Runs(stage_).finishStep(run_, kStep, "done", rows);
  audit_.record(run_, "load.end", "", result.upserts + result.deletes,
                fmt::format("delta: {} upserts, {} deletes", result.upserts, result.deletes));
}

}  // namespace m2stage::load
