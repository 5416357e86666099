#include "load/Loader.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/Finding.hpp"
#include "load/DocumentLoader.hpp"
#include "mariadb/Connection.hpp"
#include "schema/TablePrefix.hpp"
#include "stage/Interrupt.hpp"
#include "stage/Parallel.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"
#include "transform/Transformer.hpp"

namespace m2stage::load {

namespace {

constexpr const char* kStep = "load";
using schema::Side;

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

  const auto& settings = config_.database(Side::Destination);
  auto initStatements = config_.initStatements(Side::Destination);
  std::string prefix = config_.prefix(Side::Destination);
  auto schema = runs.loadSchema(result.run, "m2");

  // What is left to load, largest first.
  std::vector<stage::DocumentProgress> pending;
  for (auto& transformed : runs.documents(result.run, "transform")) {
    if (transformed.state != "done" || transformed.target.empty()) continue;
    auto done = runs.document(result.run, kStep, transformed.document);
    if (done && done->state == "done") {
      result.rows += done->rows;
      ++result.documents;
    } else {
      pending.push_back(std::move(transformed));
    }
  }
  std::stable_sort(pending.begin(), pending.end(), [](const auto& a, const auto& b) { return a.rows > b.rows; });

  runs.startStep(result.run, kStep);
  audit_.record(result.run, "load.start", "", std::nullopt, settings.describe());
  auto started = std::chrono::steady_clock::now();
  std::vector<audit::Finding> findings;
  std::mutex findingsLock;
  std::atomic<std::int64_t> rowsLoaded{0};
  std::atomic<bool> abort{false};
  unsigned jobs = std::clamp<unsigned>(options_.jobs, 1, std::max<std::size_t>(pending.size(), 1));
  std::vector<std::unique_ptr<mariadb::Connection>> connections(jobs);
  std::vector<std::unique_ptr<stage::StageFile>> stages(jobs);
  std::vector<std::unique_ptr<audit::AuditTrail>> audits(jobs);
  std::vector<LoadSettings> loadSettings(jobs);
  try {
    stage::forEachInParallel(jobs, pending.size(), abort, [&](unsigned worker) -> stage::ItemHandler {
      auto& destination = connections[worker] = std::make_unique<mariadb::Connection>(settings, initStatements);
      // Keep ids such as store 0; bulk phase without unique checks (foreign keys are already off).
      destination->execute("SET SESSION SQL_MODE='NO_AUTO_VALUE_ON_ZERO', UNIQUE_CHECKS=0");
      loadSettings[worker].maxStatementBytes = std::min<unsigned long>(destination->serverMaxAllowedPacket() - 4096, 16UL << 20);
      stages[worker] = std::make_unique<stage::StageFile>(stage_.path(), stage::StageFile::OpenMode::MustExist);
      audits[worker] = std::make_unique<audit::AuditTrail>(*stages[worker], audit_.command());
      return [&, worker](std::size_t index) {
        const auto& transformed = pending[index];
        const auto& table = schema.at(transformed.target);
        std::string serverTable = schema::withPrefix(table.name, prefix);
        auto& stage = *stages[worker];
        auto& audit = *audits[worker];
        auto documentStarted = std::chrono::steady_clock::now();
        if (options_.progress) options_.progress->started(table.name, 0, transformed.rows);
        std::int64_t rows = DocumentLoader(*connections[worker], stage, audit, result.run, transformed, table, serverTable,
                                           loadSettings[worker], options_.progress).load();
        if (options_.progress) options_.progress->finished(table.name);
        // Volume check (official Map\Volume wording).
        std::int64_t counted = std::stoll(
            connections[worker]->queryValue("SELECT COUNT(*) FROM " + mariadb::quoteIdentifier(serverTable)).value_or("0"));
        std::string detail;
        if (counted != transformed.rows) {
          detail = fmt::format("Mismatch of entities in the document: {} Source: {} Destination: {}", table.name,
                               transformed.rows, counted);
          spdlog::warn("{}", detail);
          std::lock_guard lock(findingsLock);
          findings.push_back({"volume_mismatch", "destination", table.name, "", detail, audit::Severity::Error});
        }
        stage::Runs(stage).setDocument(result.run, kStep,
                                       {transformed.document, table.name, detail.empty() ? "done" : "failed", detail, rows});
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - documentStarted).count();
        audit.record(result.run, "load.document.end", transformed.document, rows, fmt::format("into {} in {:.2f}s", table.name, seconds));
        spdlog::info("load: {} rows into {} in {:.2f}s", rows, table.name, seconds);
        rowsLoaded += rows;
      };
    });
  } catch (const std::exception& error) {
    runs.finishStep(result.run, kStep, "failed", result.rows + rowsLoaded);
    audit_.record(result.run, "load.failed", "", result.rows + rowsLoaded, error.what());
    throw;
  }
  result.rows += rowsLoaded;
  result.documents += static_cast<int>(pending.size());
  result.mismatches = static_cast<int>(findings.size());
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
