#include "load/Loader.hpp"

#include <algorithm>
#include <chrono>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/Finding.hpp"
#include "load/DocumentLoader.hpp"
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
  LoadSettings settings;
  settings.maxStatementBytes = std::min<unsigned long>(destination.serverMaxAllowedPacket() - 4096, 16UL << 20);
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
      std::int64_t rows = DocumentLoader(destination, stage_, audit_, result.run, transformed, table, serverTable, settings).load();
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
