#include "load/Loader.hpp"

#include <algorithm>
#include <chrono>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/Finding.hpp"
#include "load/BatchInserter.hpp"
#include "mariadb/Connection.hpp"
#include "schema/TablePrefix.hpp"
#include "stage/Interrupt.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"
#include "transform/Transformer.hpp"

namespace m2stage::load {

namespace {

constexpr const char* kStep = "load";
using schema::Side;

// Loads one document's transformed chunks that are not in Magento 2 yet.
class DocumentLoader {
 public:
  DocumentLoader(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                 const stage::DocumentProgress& transformed, const schema::Table& table, std::string serverTable,
                 std::size_t maxStatementBytes)
      : destination_(destination), stage_(stage), audit_(audit), runs_(stage), run_(run), transformed_(transformed),
        table_(table), serverTable_(std::move(serverTable)), staged_(stage, "m2", table.name),
        columns_(staged_.columns()), maxStatementBytes_(maxStatementBytes) {}

  std::int64_t load() {
    auto progress = runs_.document(run_, kStep, transformed_.document);
    if (!progress || progress->state == "pending") clearTable();
    settlePendingChunk();

    std::vector<bool> binary;
    for (const auto& column : columns_) binary.push_back(table_.find(column)->isBinary());
    auto loaded = runs_.chunks(run_, kStep, transformed_.document);
    std::int64_t rows = 0;
    for (const auto& chunk : loaded) rows += chunk.rows;
    for (auto chunk : runs_.chunks(run_, "transform", transformed_.document)) {
      if (chunk.number < static_cast<std::int64_t>(loaded.size())) continue;
      stage::checkInterrupt();
      chunk.step = kStep;
      chunk.state = "pending";  // written before Magento 2 commits, confirmed after
      runs_.addChunk(chunk);
      destination_.execute("START TRANSACTION");
      BatchInserter inserter(destination_, serverTable_, columns_, binary, maxStatementBytes_);
      stage::RowTable::Reader reader(stage_, staged_.name(), columns_, chunk.firstRowid, chunk.lastRowid);
      while (reader.next()) inserter.add(reader.values());
      inserter.flush();
      destination_.execute("COMMIT");
      SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
      chunk.state = "done";
      runs_.addChunk(chunk);
      rows += chunk.rows;
      runs_.setDocument(run_, kStep, {transformed_.document, table_.name, "running", "", rows});
      audit_.record(run_, "load.chunk", transformed_.document, chunk.rows, fmt::format("chunk {} into {}", chunk.number, table_.name));
      transaction.commit();
    }
    return rows;
  }

 private:
  void clearTable() {
    // As the official tool: the destination table is emptied before its first chunk.
    destination_.execute("TRUNCATE TABLE " + mariadb::quoteIdentifier(serverTable_));
    SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
    runs_.removeChunks(run_, kStep, transformed_.document);
    runs_.setDocument(run_, kStep, {transformed_.document, table_.name, "running", "cleared", 0});
    audit_.record(run_, "load.document.clear", transformed_.document, std::nullopt, serverTable_);
    transaction.commit();
  }

  // A chunk recorded as pending was being written when the last load stopped. Magento 2 commits a
  // chunk atomically, so its last row's key tells whether it landed; without a key, start over.
  void settlePendingChunk() {
    auto loaded = runs_.chunks(run_, kStep, transformed_.document);
    if (loaded.empty() || loaded.back().state != "pending") return;
    auto pending = loaded.back();
    bool keyed = !table_.primaryKey.empty() &&
                 std::all_of(table_.primaryKey.begin(), table_.primaryKey.end(), [&](const std::string& column) {
                   return std::find(columns_.begin(), columns_.end(), column) != columns_.end();
                 });
    if (!keyed) {
      spdlog::info("load: {} has no key to check an interrupted chunk against; loading it again from the start", table_.name);
      clearTable();
      return;
    }
    stage::RowTable::Reader reader(stage_, staged_.name(), table_.primaryKey, pending.lastRowid, pending.lastRowid);
    bool landed = false;
    if (reader.next()) {
      std::string condition;
      for (std::size_t i = 0; i < table_.primaryKey.size(); ++i) {
        if (i) condition += " AND ";
        bool binary = table_.find(table_.primaryKey[i])->isBinary();
        condition += mariadb::quoteIdentifier(table_.primaryKey[i]) + " <=> " + destination_.literal(reader.values()[i], binary);
      }
      landed = destination_.queryValue(fmt::format("SELECT COUNT(*) FROM {} WHERE {}",
                                                   mariadb::quoteIdentifier(serverTable_), condition)) != "0";
    }
    SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
    if (landed) {
      pending.state = "done";
      runs_.addChunk(pending);
    } else {
      SQLite::Statement remove(stage_.db(), "DELETE FROM chunk WHERE run_id = ? AND step = ? AND document = ? AND chunk_no = ?");
      remove.bind(1, run_);
      remove.bind(2, kStep);
      remove.bind(3, transformed_.document);
      remove.bind(4, pending.number);
      remove.exec();
    }
    audit_.record(run_, "load.chunk.settled", transformed_.document, pending.rows,
                  fmt::format("chunk {} {}", pending.number, landed ? "had landed" : "had not landed; loading it again"));
    transaction.commit();
  }

  mariadb::Connection& destination_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  stage::Runs runs_;
  std::int64_t run_;
  const stage::DocumentProgress& transformed_;
  const schema::Table& table_;
  std::string serverTable_;
  stage::RowTable staged_;
  std::vector<std::string> columns_;
  std::size_t maxStatementBytes_;
};

}  // namespace

Loader::Loader(const schema::Config& config, const schema::MapRules& map, stage::StageFile& stage,
               audit::AuditTrail& audit, LoadOptions options)
    : config_(config), map_(map), stage_(stage), audit_(audit), options_(options) {}

LoadResult Loader::run() {
  stage::Runs runs(stage_);
  auto selected = options_.run ? runs.find(*options_.run) : runs.latest("full");
  if (!selected)
    throw stage::StageError(options_.run ? fmt::format("{}: no run {}", stage_.path().string(), *options_.run)
                                         : fmt::format("{}: no run to load; run `m2stage extract` first", stage_.path().string()));
  LoadResult result;
  result.run = selected->id;
  if (runs.stepState(result.run, "transform") != "done") {
    spdlog::info("run {} is not transformed yet; transforming it first", result.run);
    audit_.record(result.run, "load.transform_first");
    transform::Transformer(config_, map_, stage_, audit_, {options_.autoResolve, false, result.run}).run();
  }
  if (options_.reset) runs.resetStep(result.run, kStep);

  mariadb::Connection destination(config_.database(Side::Destination), config_.initStatements(Side::Destination));
  // Keep ids such as store 0; bulk phase without unique checks (foreign keys are already off).
  destination.execute("SET SESSION SQL_MODE='NO_AUTO_VALUE_ON_ZERO', UNIQUE_CHECKS=0");
  std::size_t maxStatementBytes = std::min<unsigned long>(destination.serverMaxAllowedPacket() - 4096, 16UL << 20);
  std::string prefix = config_.prefix(Side::Destination);
  auto schema = runs.loadSchema(result.run, "m2");

  runs.startStep(result.run, kStep);
  audit_.record(result.run, "load.start", "", std::nullopt, config_.database(Side::Destination).describe());
  auto started = std::chrono::steady_clock::now();
  std::vector<audit::Finding> findings;
  try {
    for (const auto& transformed : runs.documents(result.run, "transform")) {
      if (transformed.state != "done" || transformed.target.empty()) continue;
      auto done = runs.document(result.run, kStep, transformed.document);
      if (done && done->state == "done") {
        result.rows += done->rows;
        ++result.documents;
        continue;
      }
      const auto& table = schema.at(transformed.target);
      std::string serverTable = schema::withPrefix(table.name, prefix);
      auto documentStarted = std::chrono::steady_clock::now();
      std::int64_t rows = DocumentLoader(destination, stage_, audit_, result.run, transformed, table, serverTable,
                                         maxStatementBytes).load();
      // Volume check (official Map\Volume wording).
      std::int64_t counted = std::stoll(destination.queryValue("SELECT COUNT(*) FROM " + mariadb::quoteIdentifier(serverTable)).value_or("0"));
      std::string detail;
      if (counted != transformed.rows) {
        detail = fmt::format("Mismatch of entities in the document: {} Source: {} Destination: {}", table.name,
                             transformed.rows, counted);
        spdlog::warn("{}", detail);
        findings.push_back({"volume_mismatch", "destination", table.name, "", detail, audit::Severity::Error});
        ++result.mismatches;
      }
      runs.setDocument(result.run, kStep, {transformed.document, table.name, detail.empty() ? "done" : "failed", detail, rows});
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - documentStarted).count();
      audit_.record(result.run, "load.document.end", transformed.document, rows, fmt::format("into {} in {:.2f}s", table.name, seconds));
      spdlog::info("load: {} rows into {} in {:.2f}s", rows, table.name, seconds);
      result.rows += rows;
      ++result.documents;
    }
  } catch (const std::exception& error) {
    runs.finishStep(result.run, kStep, "failed", result.rows);
    audit_.record(result.run, "load.failed", "", result.rows, error.what());
    throw;
  }
  {
    SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
    audit::saveFindings(stage_, result.run, kStep, findings);
    transaction.commit();
  }
  runs.finishStep(result.run, kStep, result.mismatches ? "failed" : "done", result.rows);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  audit_.record(result.run, "load.end", "", result.rows,
                fmt::format("{} documents in {:.2f}s, {} volume mismatches", result.documents, seconds, result.mismatches));
  if (result.mismatches) throw VerificationFailed("Volume Check failed");
  return result;
}

}  // namespace m2stage::load
