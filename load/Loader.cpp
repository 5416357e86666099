#include "load/Loader.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/Finding.hpp"
#include "load/ChangedAfterLoad.hpp"
#include "load/ContentVerifier.hpp"
#include "load/DestinationCheck.hpp"
#include "load/DocumentLoader.hpp"
#include "load/EavLoader.hpp"
#include "load/LoadRecords.hpp"
#include "mariadb/Connection.hpp"
#include "schema/StepList.hpp"
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

void sleepInterruptibly(double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    stage::checkInterrupt();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

std::unique_ptr<mariadb::Connection> connectDestination(const schema::Config& config) {
  auto destination = std::make_unique<mariadb::Connection>(config.database(Side::Destination),
                                                           config.initStatements(Side::Destination));
  destination->execute(kBulkSession);
  return destination;
}

}  // namespace

Loader::Loader(const schema::Config& config, const schema::MapRules& map, stage::StageFile& stage,
               audit::AuditTrail& audit, LoadOptions options)
    : config_(config), map_(map), stage_(stage), audit_(audit), options_(options) {}

LoadResult Loader::run() {
  stage::Runs runs(stage_);
  auto selected = options_.run ? std::nullopt : runs.latest("full", options_.mode);
  while (!selected && options_.follow && !options_.run) {
    // --follow may start before extract has created its run.
    sleepInterruptibly(options_.interval);
    selected = runs.latest("full", options_.mode);
  }
  if (!selected) selected = transform::selectRun(stage_, options_.run, options_.mode, "load");
  runMode_ = selected->mode;
  LoadResult result;
  result.run = selected->id;
  auto extractState = runs.stepState(result.run, "extract");
  if (extractState != "done" && !options_.finishedOnly && !options_.follow && !options_.verifyOnly) {
    std::string message = fmt::format(
        "{}: run {} is not fully extracted (extract {}); finish `m2stage extract`, or load the documents extracted so "
        "far with --finished-only, or with --follow as extract finishes them",
        stage_.path().string(), result.run, extractState.value_or("not started"));
    audit_.record(result.run, "load.refused", "", std::nullopt, message);
    throw stage::StageError(message);
  }
  if (options_.verifyOnly) return verifyOnly(result.run);

  std::string destination = config_.database(Side::Destination).describe();
  bool replay = options_.reset && runs.stepState(result.run, kStep).has_value();
  // A run loaded before is not loaded again, and neither are its destination steps: running
  // SalesIncrement again would put the sequences back below what delta runs raised them to.
  bool loadedBefore = !options_.reset && runs.stepState(result.run, kStep) == "done";
  audit_.record(result.run, "load.start", "", std::nullopt,
                fmt::format("run {} into {}{}{}", result.run, destination, replay ? " (replay: --reset)" : "",
                            options_.follow ? " (--follow)" : options_.finishedOnly ? " (--finished-only)" : ""));
  auto started = std::chrono::steady_clock::now();
  int waiting = 0;
  try {
    for (bool first = true;; first = false) {
      waiting = pass(result.run, first, result);
      if (!waiting || !options_.follow) break;
      sleepInterruptibly(options_.interval);
    }
    if (!waiting && runMode_ == "data" && !loadedBefore) result.mismatches += destinationSteps(result.run);
  } catch (const stage::StageError& error) {
    // A refusal: nothing was written to Magento 2 for it.
    audit_.record(result.run, "load.refused", "", std::nullopt, error.what());
    throw;
  } catch (const std::exception& error) {
    runs.finishStep(result.run, kStep, "failed", result.rows);
    audit_.record(result.run, "load.failed", "", result.rows, fmt::format("into {}: {}", destination, error.what()));
    throw;
  }
  result.complete = waiting == 0;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (result.complete && runs.stepState(result.run, kStep)) {
    runs.finishStep(result.run, kStep, result.mismatches ? "failed" : "done", result.rows);
  }
  audit_.record(result.run, result.complete ? "load.end" : "load.partial", "", result.rows,
                fmt::format("{}: {} documents into {} in {:.2f}s, {} with mismatches", result.mismatches ? "failed" : "ok",
                            result.documents, destination, seconds, result.mismatches));
  if (result.mismatches) throw VerificationFailed(fmt::format("Volume or content check failed for {} document(s); see "
                                                              "the volume_mismatch and content_mismatch findings",
                                                              result.mismatches));
  return result;
}

// The data-mode steps that run SQL on Magento 2 once every document is in, in the official order
// (Customer\Data's last statement first). Returns the documents with volume mismatches.
int Loader::destinationSteps(std::int64_t run) {
  bool any = options_.customer || options_.configurablePrices || options_.orderGrids || options_.tierPrice ||
             options_.salesIncrement || options_.inventory || options_.postProcessing;
  if (!any) return 0;
  auto connection = connectDestination(config_);
  std::string prefix = config_.prefix(Side::Destination);
  int mismatches = 0;
  if (options_.customer) {  // the attributes now columns of the entity tables are static
    auto changed = options_.customer->markStaticAttributes(*connection, prefix);
    audit_.record(run, "load.customer.static_attributes", "eav_attribute", static_cast<std::int64_t>(changed),
                  "backend_type = 'static' for the customer and address attributes that are entity columns");
  }
  if (options_.configurablePrices)
    mismatches += options_.configurablePrices->load(*connection, stage_, audit_, run, prefix).mismatches;
  if (options_.orderGrids) mismatches += options_.orderGrids->rebuild(*connection, stage_, audit_, run, prefix).mismatches;
  if (options_.tierPrice) mismatches += options_.tierPrice->load(*connection, stage_, audit_, run, prefix).mismatches;
  if (options_.salesIncrement)
    mismatches += options_.salesIncrement->load(*connection, stage_, audit_, run, prefix).mismatches;
  if (options_.inventory) mismatches += options_.inventory->load(*connection, stage_, audit_, run, prefix).mismatches;
  if (options_.postProcessing) options_.postProcessing->run(*connection, audit_, run, prefix);  // last, as upstream
  return mismatches;
}

// --follow: whether extract committed chunks that transform has not taken yet (documents transform
// skips aside), so a pass between two extract commits does not run the integrity check and read
// the Magento 2 catalog again for nothing.
bool Loader::hasUntransformedChunks(std::int64_t run) {
  SQLite::Statement query(stage_.db(),
                          "SELECT EXISTS (SELECT 1 FROM chunk e WHERE e.run_id = ?1 AND e.step = 'extract' "
                          "AND NOT EXISTS (SELECT 1 FROM chunk t WHERE t.run_id = ?1 AND t.step = 'transform' "
                          "AND t.document = e.document AND t.chunk_no = e.chunk_no) "
                          "AND NOT EXISTS (SELECT 1 FROM document d WHERE d.run_id = ?1 AND d.step = 'transform' "
                          "AND d.document = e.document AND d.state = 'skipped'))");
  query.bind(1, run);
  query.executeStep();
  return query.getColumn(0).getInt() != 0;
}

int Loader::pass(std::int64_t run, bool firstPass, LoadResult& result) {
  stage::Runs runs(stage_);
  bool extracted = runs.stepState(run, "extract") == "done";
  if (runs.stepState(run, "transform") != "done") {
    // Transform first (what is extracted so far, with --finished-only or --follow).
    bool ready = extracted || (options_.follow && hasUntransformedChunks(run));
    for (const auto& document : runs.documents(run, "extract")) {
      if (ready) break;
      auto transformed = runs.document(run, "transform", document.document);
      ready = document.state == "done" && (!transformed || transformed->state != "done");
    }
    if (ready) {
      spdlog::info("run {} is not transformed yet; transforming {} first", run, extracted ? "it" : "the documents extracted so far");
      audit_.record(run, "load.transform_first");
      transform::TransformOptions transformOptions{options_.autoResolve, false, run};
      transformOptions.finishedOnly = !extracted;
      transformOptions.chunksSoFar = options_.follow;
      transformOptions.mode = options_.mode;
      transformOptions.settings = options_.settings;
      transformOptions.integrity = options_.integrity;
      transformOptions.customer = options_.customer;
      transformOptions.eav = options_.eav;
      transformOptions.urlRewrite = options_.urlRewrite;
      if (options_.tierPrice) transformOptions.stepDocuments = TierPriceStep::ownedDocuments();
      transform::Transformer(config_, map_, stage_, audit_, transformOptions).run();
    }
  }
  bool complete = extracted && runs.stepState(run, "transform") == "done";
  bool reset = firstPass && options_.reset;

  std::string prefix = config_.prefix(Side::Destination);
  auto schema = runs.loadSchema(run, "m2");

  // What is left to load, largest first.
  std::vector<stage::DocumentProgress> pending;
  for (auto& transformed : runs.documents(run, "transform")) {
    // --follow also loads the chunks transformed so far of a document still being extracted.
    if (transformed.target.empty() || (transformed.state != "done" && !options_.follow)) continue;
    auto done = reset ? std::nullopt : runs.document(run, kStep, transformed.document);
    if (done && done->state == "done") {
      if (firstPass) {
        result.rows += done->rows;
        ++result.documents;
      }
    } else {
      pending.push_back(std::move(transformed));
    }
  }
  if (complete) {  // the EAV step's merged tables, before the documents that refer to them
    auto eav = EavLoader(config_, stage_, audit_, run).load(reset);
    if (firstPass || !eav.loadedBefore) {
      result.rows += eav.rows;
      result.documents += eav.documents;
    }
  }
  if (pending.empty()) {
    // Nothing to write (e.g. a step list without the Map step): the step is done all the same.
    if (complete && !runs.stepState(run, kStep)) runs.startStep(run, kStep);
    else if (firstPass && complete && runs.stepState(run, kStep) == "done")
      spdlog::info("run {} is already loaded; `m2stage load --run {} --reset` applies it again (e.g. after a restore)", run, run);
    return complete ? 0 : 1;
  }
  std::stable_sort(pending.begin(), pending.end(), [](const auto& a, const auto& b) { return a.rows > b.rows; });

  // Refuse a destination whose schema is not the one transform shaped the rows for.
  {
    auto destination = connectDestination(config_);
    std::vector<std::string> targets;
    std::map<std::string, std::vector<std::string>> stagedColumns;
    for (const auto& transformed : pending) {
      targets.push_back(transformed.target);
      stagedColumns[transformed.target] = stage::RowTable(stage_, "m2", transformed.target).columns();
    }
    DestinationCheck(schema, prefix).check(*destination, targets, stagedColumns);
  }
  if (reset) {
    SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
    runs.resetStep(run, kStep);
    LoadRecords(stage_).forgetRun(run);
    audit_.record(run, "load.reset", "", std::nullopt, "load progress forgotten; every table is emptied and loaded again");
    transaction.commit();
  }
  runs.startStep(run, kStep);
  unsigned jobs = std::max(1u, options_.jobs);
  // Empty the tables about to be loaded first, one after the other, before any load runs; settle
  // what a killed load left pending; then give a document with many chunks several lanes.
  std::vector<std::unique_ptr<DocumentChunks>> work(pending.size());
  std::vector<std::size_t> lanes;  // a document index per lane, largest documents first
  {
    auto destination = connectDestination(config_);
    LoadSettings settings;
    for (std::size_t index = 0; index < pending.size(); ++index) {
      const auto& table = schema.at(pending[index].target);
      DocumentLoader loader(*destination, stage_, audit_, run, pending[index], table, schema::withPrefix(table.name, prefix),
                            settings);
      loader.merging(merged(table.name));
      work[index] = std::make_unique<DocumentChunks>();
      loader.plan(*work[index]);
      int count = loader.keyed() ? static_cast<int>(std::clamp<std::size_t>(work[index]->chunks.size() / 2, 1, jobs)) : 1;
      work[index]->lanes = count;
      work[index]->lanesLeft = count;
      lanes.insert(lanes.end(), static_cast<std::size_t>(count), index);
    }
  }

  std::mutex resultLock;
  std::atomic<bool> abort{false};
  jobs = std::clamp<unsigned>(jobs, 1, std::max<std::size_t>(lanes.size(), 1));
  std::vector<std::unique_ptr<mariadb::Connection>> connections(jobs);
  std::vector<std::unique_ptr<stage::StageFile>> stages(jobs);
  std::vector<std::unique_ptr<audit::AuditTrail>> audits(jobs);
  std::vector<LoadSettings> loadSettings(jobs);
  std::vector<std::chrono::steady_clock::time_point> documentStarted(pending.size());
  stage::forEachInParallel(jobs, lanes.size(), abort, [&](unsigned worker) -> stage::ItemHandler {
    auto& destination = connections[worker] = connectDestination(config_);
    loadSettings[worker].maxStatementBytes = std::min<unsigned long>(destination->serverMaxAllowedPacket() - 4096, 16UL << 20);
    loadSettings[worker].autoResolve = options_.autoResolve;
    stages[worker] = std::make_unique<stage::StageFile>(stage_.path(), stage::StageFile::OpenMode::BesideMain);
    audits[worker] = std::make_unique<audit::AuditTrail>(*stages[worker], audit_.command());
    return [&, worker](std::size_t lane) {
      std::size_t index = lanes[lane];
      const auto& transformed = pending[index];
      DocumentChunks& chunks = *work[index];
      const auto& table = schema.at(transformed.target);
      std::string serverTable = schema::withPrefix(table.name, prefix);
      auto& stage = *stages[worker];
      auto& audit = *audits[worker];
      if (lane == 0 || lanes[lane - 1] != index) {  // the document's first lane
        documentStarted[index] = std::chrono::steady_clock::now();
        if (options_.progress) options_.progress->started(table.name, chunks.rows, transformed.rows);
      }
      DocumentLoader(*connections[worker], stage, audit, run, transformed, table, serverTable, loadSettings[worker],
                     options_.progress)
          .merging(merged(table.name))
          .load(chunks);
      if (--chunks.lanesLeft > 0) return;
      if (transformed.state != "done") return;  // more chunks to come: verified once all are in
      // The last lane of the document: every chunk is in, verify it.
      std::int64_t rows = chunks.rows;
      if (options_.progress) options_.progress->finished(table.name);
      std::string detail = check(*connections[worker], stage, run, transformed, table, serverTable, false);
      stage::Runs(stage).setDocument(run, kStep, {transformed.document, table.name, detail.empty() ? "done" : "failed", detail, rows});
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - documentStarted[index]).count();
      audit.record(run, "load.document.end", transformed.document, rows,
                   fmt::format("into {} in {:.2f}s{}{}{}", table.name, seconds,
                               chunks.lanes > 1 ? fmt::format(" on {} connections", chunks.lanes) : "",
                               chunks.warnings ? fmt::format(", {} server warnings", chunks.warnings.load()) : "",
                               detail.empty() ? ", verified" : ": " + detail));
      spdlog::info("load: {} rows into {} in {:.2f}s", rows, table.name, seconds);
      std::lock_guard lock(resultLock);
      result.rows += rows;
      ++result.documents;
      if (!detail.empty()) ++result.mismatches;
    };
  });
  return complete ? 0 : 1;
}

std::string Loader::check(mariadb::Connection& destination, stage::StageFile& stage, std::int64_t run,
                          const stage::DocumentProgress& transformed, const schema::Table& table,
                          const std::string& serverTable, bool recheck) {
  LoadRecords records(stage);
  std::int64_t skipped = records.skippedRows(run, transformed.document);
  std::int64_t expected = transformed.rows - skipped;
  std::vector<audit::Finding> findings;
  if (merged(table.name)) {
    checkMerged(destination, stage, run, transformed, table, serverTable, findings);
  }
  std::int64_t counted = merged(table.name) ? expected
      : std::stoll(destination.queryValue("SELECT COUNT(*) FROM " + mariadb::quoteIdentifier(serverTable)).value_or("0"));
  if (counted != expected) {
    // Official Map\Volume wording; Source counts the staged rows less those skipped under --auto.
    findings.push_back({"volume_mismatch", "destination", table.name, "",
                        fmt::format("Mismatch of entities in the document: {} Source: {} Destination: {}", table.name,
                                    expected, counted),
                        audit::Severity::Error});
  }
  VerificationOutcome verification;
  if (!merged(table.name)) verification = ContentVerifier(destination, stage, run, transformed.document, table, serverTable).verify(recheck);
  if (verification.mismatches) {
    findings.push_back({"content_mismatch", "destination", table.name, "",
                        fmt::format("Content of {} differs from the staged rows in {} of {} chunks; {}", serverTable,
                                    verification.mismatches, verification.checked, verification.firstMismatch),
                        audit::Severity::Error});
  }
  if (verification.warned)
    spdlog::warn("load: {}: {} chunks differ where the server reported coercions (see the data_warning findings)",
                 serverTable, verification.warned);
  SQLite::Transaction transaction(stage.db(), SQLite::TransactionBehavior::IMMEDIATE);
  records.removeFindings(run, table.name, "volume_mismatch");
  records.removeFindings(run, table.name, "content_mismatch");
  std::string detail;
  for (const auto& finding : findings) {
    spdlog::warn("{}", finding.message);
    records.addFinding(run, finding);
    detail += (detail.empty() ? "" : "; ") + finding.message;
  }
  transaction.commit();
  return detail;
}

bool Loader::merged(const std::string& target) const {
  return runMode_ == "settings" && target == schema::kConfigDocument;
}

void Loader::checkMerged(mariadb::Connection& destination, stage::StageFile& stage, std::int64_t run,
                                const stage::DocumentProgress& transformed, const schema::Table& table,
                                const std::string& serverTable, std::vector<audit::Finding>& findings) {
  // The staged rows, the last one per key winning as in the upserts.
  const std::vector<std::string> columns = {"scope", "scope_id", "path", "value"};
  std::map<std::string, schema::Value> staged;
  auto keyOf = [](const schema::Value& scope, const schema::Value& scopeId, const schema::Value& path) {
    return fmt::format("scope={}, scope_id={}, path={}", scope.value_or("NULL"), scopeId.value_or("NULL"), path.value_or("NULL"));
  };
  stage::Runs runs(stage);
  for (const auto& chunk : runs.chunks(run, "transform", transformed.document)) {
    stage::RowTable::Reader reader(stage, stage::RowTable::tableName("m2", table.name), columns, chunk.firstRowid, chunk.lastRowid);
    while (reader.next()) {
      const auto& row = reader.values();
      staged[keyOf(row[0], row[1], row[2])] = row[3];
    }
  }
  std::map<std::string, schema::Value> present;
  for (auto& row : destination.query(fmt::format("SELECT scope, scope_id, path, value FROM {}", mariadb::quoteIdentifier(serverTable))))
    present[keyOf(row[0], row[1], row[2])] = row[3];
  std::int64_t missing = 0, different = 0;
  std::string firstMissing, firstDifferent;
  for (const auto& [key, value] : staged) {
    auto found = present.find(key);
    if (found == present.end()) {
      if (!missing++) firstMissing = key;
    } else if (found->second != value) {
      if (!different++)
        firstDifferent = fmt::format("{}: Magento 2 has {}, staged {}", key, found->second ? "'" + *found->second + "'" : "NULL",
                                     value ? "'" + *value + "'" : "NULL");
    }
  }
  if (missing)
    findings.push_back({"volume_mismatch", "destination", table.name, "",
                        fmt::format("Mismatch of entities in the document: {}: {} of {} merged settings are missing, "
                                    "first {}", table.name, missing, staged.size(), firstMissing),
                        audit::Severity::Error});
  if (different)
    findings.push_back({"content_mismatch", "destination", table.name, "",
                        fmt::format("Content of {} differs from the merged settings in {} of {} rows; {}", serverTable,
                                    different, staged.size(), firstDifferent),
                        audit::Severity::Error});
}

LoadResult Loader::verifyOnly(std::int64_t run) {
  stage::Runs runs(stage_);
  LoadResult result;
  result.run = run;
  auto schema = runs.loadSchema(run, "m2");
  std::string prefix = config_.prefix(Side::Destination);
  std::vector<stage::DocumentProgress> loaded;
  for (auto& document : runs.documents(run, kStep)) {
    if (document.state == "done" || document.state == "failed") loaded.push_back(std::move(document));
  }
  if (loaded.empty())
    throw stage::StageError(fmt::format("{}: run {} has no loaded document to verify; run `m2stage load` first",
                                        stage_.path().string(), run));
  auto destination = connectDestination(config_);
  std::vector<std::string> targets;
  for (const auto& document : loaded) targets.push_back(document.target);
  DestinationCheck(schema, prefix).check(*destination, targets, {});
  audit_.record(run, "load.verify.start", "", std::nullopt, config_.database(Side::Destination).describe());
  auto changedLater = changedAfterLoad(stage_, run);
  for (const auto& document : loaded) {
    stage::checkInterrupt();
    auto transformed = runs.document(run, "transform", document.document);
    if (!transformed) continue;
    if (auto changed = changedLater.find(document.target); changed != changedLater.end()) {
      // A later step of the run changed the table on purpose: it no longer equals the staged rows.
      std::string note = fmt::format("not compared: changed after load by {}", changed->second);
      spdlog::info("verify: {} ({}): {}", document.document, document.target, note);
      audit_.record(run, "load.verify.document", document.document, document.rows, note);
      result.rows += document.rows;
      ++result.documents;
      continue;
    }
    const auto& table = schema.at(document.target);
    std::string detail = check(*destination, stage_, run, *transformed, table, schema::withPrefix(table.name, prefix), true);
    runs.setDocument(run, kStep, {document.document, document.target, detail.empty() ? "done" : "failed", detail, document.rows});
    audit_.record(run, "load.verify.document", document.document, document.rows, detail.empty() ? "verified" : detail);
    result.rows += document.rows;
    ++result.documents;
    if (!detail.empty()) ++result.mismatches;
  }
  audit_.record(run, "load.verify.end", "", result.rows,
                fmt::format("{}: {} documents, {} with mismatches", result.mismatches ? "failed" : "ok", result.documents,
                            result.mismatches));
  if (result.mismatches)
    throw VerificationFailed(fmt::format("Content check failed for {} document(s); see the content_mismatch findings",
                                         result.mismatches));
  return result;
}

}  // namespace m2stage::load
