#include "transform/Transformer.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <set>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/IntegrityCheck.hpp"
#include "schema/DocumentTransformer.hpp"
#include "schema/HandlerLookups.hpp"
#include "schema/StepList.hpp"
#include "stage/ChunkWriter.hpp"
#include "stage/Interrupt.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"
#include "transform/ChunkTransform.hpp"
#include "transform/DestinationSchema.hpp"
#include "transform/EavStep.hpp"
#include "transform/RequiredDocuments.hpp"
#include "transform/StagedHandlerEnvironment.hpp"

namespace m2stage::transform {

namespace {

constexpr const char* kStep = "transform";
using schema::Side;

void logFindings(const std::vector<audit::Finding>& findings) {
  for (const auto& finding : findings) {
    if (finding.severity == audit::Severity::Error) {
      spdlog::error("{}", finding.message);
    } else {
      spdlog::warn("{}", finding.message);
    }
  }
}

// Rows that side-effect handlers produced for other Magento 2 documents while a chunk was
// transformed: staged as "m2.<document>" and recorded as the transformed document
// "<source>:<document>", so load writes them like any other document. Rows for a document Magento
// 2 lacks that the integrity check reported as missing (`missing`, so only with --auto) are left out.
void writeExtraRows(stage::StageFile& stage, std::int64_t run, const std::string& source, std::int64_t sourceChunk,
                    const std::map<std::string, schema::Table>& destinationTables, const std::set<std::string>& missing,
                    const std::map<std::string, StagedHandlerEnvironment::ExtraRows>& extraRows) {
  stage::Runs runs(stage);
  for (const auto& [document, extra] : extraRows) {
    auto table = destinationTables.find(document);
    if (table == destinationTables.end() && missing.contains(document)) continue;
    if (table == destinationTables.end())
      throw schema::TransformError(fmt::format("a handler on {} writes to {}, which Magento 2 does not have", source, document));
    stage::RowTable output(stage, "m2", document);
    output.ensure(extra.columns);
    stage::RowTable::Writer writer(stage, output.name(), extra.columns, stage::RowTable::storageFor(table->second, extra.columns));
    std::string key = source + ":" + document;
    // Numbered 0, 1, 2... per document (not by source chunk), as load expects.
    stage::ChunkWriter chunkWriter(writer, {run, kStep, key, static_cast<std::int64_t>(runs.chunks(run, kStep, key).size())},
                                   sourceChunk);
    for (const auto& row : extra.rows) chunkWriter.add("insert", row);
    stage::Chunk chunk = chunkWriter.finish();
    runs.addChunk(chunk);
    auto progress = runs.document(run, kStep, key);
    runs.setDocument(run, kStep, {key, document, "done", "rows written by handlers on " + source,
                                  (progress ? progress->rows : 0) + chunk.rows});
  }
}

// The detail of a document a step could not write because Magento 2 lacks `document` (reported
// by the integrity check as missing; only --auto gets this far).
std::string leftOut(std::int64_t rows, const std::string& document) {
  return fmt::format("{} rows left out: Magento 2 has no document {} (Destination documents are missing)", rows, document);
}

// The row's key for a finding: its primary key, or its place in the chunk when it has none.
std::string rowKey(const schema::DocumentTransformer& transformer, std::int64_t row, std::int64_t chunk) {
  std::string key = transformer.rowKey();
  return key.empty() ? fmt::format("row {} of chunk {}", row, chunk) : key;
}

// Why a document's rows out differ from its rows in, from what the staging file holds for it:
// values handlers could not take, rows handlers wrote into other documents. Empty when there is
// nothing to explain. (No official handler drops rows; a difference would be named all the same.)
std::string countDetail(stage::StageFile& stage, std::int64_t run, const std::string& source, const std::string& target,
                        std::int64_t rowsOut) {
  std::int64_t rowsIn = extractedRows(stage, run, source);
  std::vector<std::string> reasons;
  if (rowsIn > rowsOut) reasons.push_back(fmt::format("{} rows dropped by handlers", rowsIn - rowsOut));
  SQLite::Statement bad(stage.db(),
                        "SELECT COUNT(*) FROM finding WHERE run_id = ? AND step = ? AND kind = ? "
                        "AND ((side = 'source' AND document = ?) OR (side = 'destination' AND document = ?))");
  bad.bind(1, run);
  bad.bind(2, kStep);
  bad.bind(3, audit::kDataIncompatibility);
  bad.bind(4, source);
  bad.bind(5, target);
  bad.executeStep();
  if (std::int64_t values = bad.getColumn(0).getInt64(); values > 0)
    reasons.push_back(fmt::format("{} bad value{} stored as NULL (data_incompatibility findings)", values, values == 1 ? "" : "s"));
  SQLite::Statement generated(stage.db(), "SELECT target, rows FROM document WHERE run_id = ? AND step = ? "
                                          "AND document >= ?3 || ':' AND document < ?3 || ';' ORDER BY document");
  generated.bind(1, run);
  generated.bind(2, kStep);
  generated.bind(3, source);
  while (generated.executeStep())
    reasons.push_back(fmt::format("{} rows generated into {}", generated.getColumn(1).getInt64(), generated.getColumn(0).getString()));
  if (reasons.empty()) return "";
  std::string detail = fmt::format("read {}, wrote {}: ", rowsIn, rowsOut);
  for (std::size_t i = 0; i < reasons.size(); ++i) detail += (i ? "; " : "") + reasons[i];
  return detail;
}

// Transforms one source document's extracted chunks that are not transformed yet. Findings for
// values handlers could not take are written with their chunk, in its transaction.
std::int64_t transformDocument(stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                               schema::DocumentTransformer& transformer, const schema::Table& source,
                               const schema::Table& destination, const std::map<std::string, schema::Table>& destinationTables,
                               const std::set<std::string>& missing, StagedHandlerEnvironment& environment,
                               std::int64_t& rowsIn) {
  ChunkSteps steps;
  steps.perChunk = [&](stage::RowTable::Reader& rows, const ChunkSteps::Emit& emit, std::int64_t chunk) {
    ChunkOutput out;
    std::int64_t rowNumber = 0;
    while (rows.next()) {
      ++rowNumber;
      std::vector<schema::Value> row;
      try {
        row = rows.op() == "delete" ? transformer.transformKey(rows.values()) : transformer.transform(rows.values());
      } catch (const schema::TransformError& error) {
        const auto& bad = transformer.badValues();
        auto fatal = std::find_if(bad.begin(), bad.end(), [](const auto& value) { return value.fatal; });
        if (fatal == bad.end())  // not a handler's doing
          throw schema::TransformError(fmt::format("{} (document {}, chunk {})", error.what(), source.name, chunk));
        out.stop = audit::dataIncompatibility(*fatal, rowKey(transformer, rowNumber, chunk));
        environment.takeExtraRows();  // the chunk's side-effect rows go with it
        return out;
      }
      for (const auto& warning : transformer.warnings()) spdlog::warn("{}", warning);
      for (const auto& bad : transformer.badValues())
        out.findings.push_back(audit::dataIncompatibility(bad, rowKey(transformer, rowNumber, chunk)));
      emit(rows.op(), row);
    }
    return out;
  };
  steps.committed = [&](const stage::Chunk& extracted) {
    writeExtraRows(stage, run, source.name, extracted.number, destinationTables, missing, environment.takeExtraRows());
    rowsIn += extracted.rows;
  };
  return transformChunks(stage, audit, run, source, destination, transformer.outputColumns(), steps);
}

// Settings mode: core_config_data under the settings.xml rules (ignore, rename, value handlers),
// chunk by chunk like any document. Returns the rows written; counts the ignored and renamed rows.
std::int64_t transformSettings(stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                               schema::SettingsTransformer& transformer, const schema::Table& source,
                               const schema::Table& destination, std::int64_t& rowsIn, std::int64_t& ignored,
                               std::int64_t& renamed) {
  std::int64_t chunkIgnored = 0, chunkRenamed = 0;
  ChunkSteps steps;
  steps.perChunk = [&](stage::RowTable::Reader& rows, const ChunkSteps::Emit& emit, std::int64_t chunk) {
    ChunkOutput out;
    chunkIgnored = chunkRenamed = 0;
    while (rows.next()) {
      std::optional<std::vector<schema::Value>> row;
      try {
        row = transformer.transform(rows.values());
      } catch (const schema::TransformError& error) {
        const auto& bad = transformer.badValues();
        if (bad.empty()) throw schema::TransformError(fmt::format("{} (document {}, chunk {})", error.what(), source.name, chunk));
        out.stop = audit::dataIncompatibility(bad.front(), transformer.rowKey());
        return out;
      }
      for (const auto& warning : transformer.warnings()) spdlog::warn("{}", warning);
      for (const auto& bad : transformer.badValues()) out.findings.push_back(audit::dataIncompatibility(bad, transformer.rowKey()));
      if (!row) {
        ++chunkIgnored;
        continue;
      }
      if (transformer.lastRenamed()) ++chunkRenamed;
      emit("insert", *row);
    }
    out.note = fmt::format(": {} paths ignored, {} renamed (settings.xml)", chunkIgnored, chunkRenamed);
    return out;
  };
  steps.committed = [&](const stage::Chunk& extracted) {
    rowsIn += extracted.rows;
    ignored += chunkIgnored;
    renamed += chunkRenamed;
  };
  return transformChunks(stage, audit, run, source, destination, schema::SettingsTransformer::outputColumns(), steps);
}

}  // namespace

stage::Run selectRun(stage::StageFile& stage, std::optional<std::int64_t> run, const std::string& mode, const char* step) {
  stage::Runs runs(stage);
  auto selected = run ? runs.find(*run) : runs.latest("full", mode);
  if (!selected)
    throw stage::StageError(run ? fmt::format("{}: no run {}", stage.path().string(), *run)
                                : fmt::format("{}: no {} run to {}; run `m2stage extract{}` first", stage.path().string(),
                                              mode, step, mode == "data" ? "" : " --mode " + mode));
  if (selected->kind == "full" && selected->mode != mode)
    throw stage::StageError(fmt::format("{}: run {} is a {} run; give --mode {} to {} it", stage.path().string(),
                                        selected->id, selected->mode, selected->mode, step));
  return *selected;
}

bool Transformer::lookupsExtracted(stage::Runs& runs, std::int64_t run) const {
  for (const auto& [field, spec] : map_.allHandlers()) {
    for (const auto& document : schema::lookupDocuments(spec)) {
      auto progress = runs.document(run, "extract", document);
      if (!progress || progress->state != "done") return false;
    }
  }
  return true;
}

Transformer::Transformer(const schema::Config& config, const schema::MapRules& map, stage::StageFile& stage,
                         audit::AuditTrail& audit, TransformOptions options)
    : config_(config), map_(map), stage_(stage), audit_(audit), options_(options) {}

TransformResult Transformer::run() {
  stage::Runs runs(stage_);
  auto selected = std::optional(selectRun(stage_, options_.run, options_.mode, "transform"));
  TransformResult result;
  result.run = selected->id;
  bool runExtracted = runs.stepState(result.run, "extract") == "done";
  if (!runExtracted && !options_.finishedOnly)
    throw stage::StageError(fmt::format("{}: run {} is not fully extracted yet; finish `m2stage extract` first",
                                        stage_.path().string(), result.run));
  if (options_.reset) {
    for (const auto& document : runs.documents(result.run, kStep)) {
      if (!document.target.empty()) stage::RowTable(stage_, "m2", document.target).deleteRun(result.run);
    }
    runs.resetStep(result.run, kStep);
    audit::saveFindings(stage_, result.run, kStep, {});
  }
  if (runs.stepState(result.run, kStep) == "done") {
    spdlog::info("run {} is already transformed", result.run);
    return result;
  }

  auto sourceSchema = runs.loadSchema(result.run, "m1");
  auto destinationTables = destinationSchema(config_, stage_, result.run);
  // Delta runs hold only the tracked documents; the full run before them was checked (as upstream).
  bool fullData = selected->kind == "full" && selected->mode == "data";
  bool mapChecked = selected->kind != "delta" && selected->mode == "data" && options_.integrity;
  // Documents the steps write that Magento 2 lacks (official message 2); with --auto their rows are left out.
  std::vector<std::string> missingList;
  if (selected->kind == "full") {
    DocumentNeeds needs;
    needs.settings = selected->mode == "settings" && options_.settings;
    needs.urlRewrite = fullData && options_.urlRewrite && options_.urlRewrite->listed();
    needs.map = mapChecked ? &map_ : nullptr;
    missingList = missingDestinationDocuments(needs, sourceSchema, destinationTables);
  }
  const std::set<std::string> missing(missingList.begin(), missingList.end());
  std::vector<audit::Finding> findings;
  if (selected->mode == "settings") {
    // The Stores step's integrity: the store documents and their Magento 2 counterparts only
    // (core_config_data is merged by path under settings.xml, not mapped field by field).
    audit::Catalog storesSource, storesDestination;
    for (const auto& [name, table] : sourceSchema) {
      if (name == schema::kConfigDocument) continue;
      storesSource.emplace(name, table);
      auto target = map_.documentMap(name, Side::Source);
      if (target && destinationTables.contains(*target)) storesDestination.emplace(*target, destinationTables.at(*target));
    }
    findings = storesSource.empty()
                   ? audit::documentsMissing({}, missingList, options_.autoResolve)
                   : audit::checkIntegrity({map_, storesSource, storesDestination, {}, missingList}, options_.autoResolve);
  } else if (mapChecked) {
    findings = audit::checkIntegrity({map_, sourceSchema, destinationTables, {}, missingList}, options_.autoResolve);
  } else {
    findings = audit::documentsMissing({}, missingList, options_.autoResolve);
  }
  if (options_.customer && fullData) {  // Customer\Integrity
    auto customer = options_.customer->checkIntegrity(sourceSchema, destinationTables, options_.autoResolve);
    findings.insert(findings.end(), customer.begin(), customer.end());
  }
  bool eav = options_.eav && fullData && runExtracted;
  if (eav) {  // Eav\Integrity: with the other integrity stages, before anything is transformed
    auto eavFindings = EavStep(config_, stage_, audit_, result.run, options_.autoResolve).integrity();
    findings.insert(findings.end(), eavFindings.begin(), eavFindings.end());
  }
  logFindings(findings);
  {
    SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
    // Data findings of committed chunks stay with them. A row that stopped an earlier transform
    // belongs to a chunk that was rolled back and is transformed again now: its finding goes.
    audit::saveFindings(stage_, result.run, kStep, findings, {audit::kDataIncompatibility, kPasswordReset, kUrlRewriteDuplicate});
    SQLite::Statement stale(stage_.db(), "DELETE FROM finding WHERE run_id = ? AND step = ? AND kind = ? AND severity = 'error'");
    stale.bind(1, result.run);
    stale.bind(2, kStep);
    stale.bind(3, audit::kDataIncompatibility);
    stale.exec();
    transaction.commit();
  }
  if (audit::hasErrors(findings)) {
    spdlog::info("You can use --auto or -a option to ignore not mapped differences between source and destination to continue migration");
    audit_.record(result.run, "transform.integrity_failed", "", static_cast<std::int64_t>(findings.size()));
    throw audit::IntegrityFailed("Integrity Check failed");
  }

  runs.startStep(result.run, kStep);
  audit_.record(result.run, "transform.start");
  StagedHandlerEnvironment environment(stage_, result.run, config_);
  auto started = std::chrono::steady_clock::now();
  bool chunksSoFar = options_.chunksSoFar && lookupsExtracted(runs, result.run);
  std::set<std::string> eavDocuments = options_.eav ? EavStep::sourceDocuments(config_) : std::set<std::string>{};
  try {
    if (eav) EavStep(config_, stage_, audit_, result.run, options_.autoResolve).transform(destinationTables);
    for (const auto& extracted : runs.documents(result.run, "extract")) {
      bool extractDone = extracted.state == "done";
      if (!runExtracted && !extractDone && !chunksSoFar) continue;  // --finished-only: still being extracted
      const auto& source = sourceSchema.at(extracted.document);
      if (selected->mode == "settings" && source.name == schema::kConfigDocument) {
        if (!options_.settings) continue;
        auto destination = destinationTables.find(schema::kConfigDocument);
        if (destination == destinationTables.end()) {  // reported as missing; --auto goes on without it
          runs.setDocument(result.run, kStep, {source.name, "", "skipped", leftOut(extracted.rows, schema::kConfigDocument), 0});
          continue;
        }
        auto progress = runs.document(result.run, kStep, source.name);
        if (progress && progress->state == "done") {
          result.rowsOut += progress->rows;
          ++result.documents;
          continue;
        }
        schema::SettingsTransformer transformer(*options_.settings, source, &environment);
        std::int64_t rowsIn = 0, ignored = 0, renamed = 0;
        std::int64_t rows = transformSettings(stage_, audit_, result.run, transformer, source, destination->second, rowsIn,
                                              ignored, renamed);
        std::string detail = fmt::format("merged by scope, scope_id and path; {} paths ignored, {} renamed by {}", ignored,
                                         renamed, options_.settings->file().filename().string());
        runs.setDocument(result.run, kStep, {source.name, destination->second.name, "done", detail, rows});
        audit_.record(result.run, "transform.document.end", source.name, rows, "into core_config_data: " + detail);
        result.rowsIn += rowsIn;
        result.rowsOut += rows;
        ++result.documents;
        continue;
      }
      if (options_.customer && options_.customer->handles(source.name)) {  // Customer\Data and Customer\Delta
        if (!extractDone) continue;  // the Customer step transforms whole documents
        auto done = options_.customer->transform(stage_, audit_, result.run, source, destinationTables, &environment);
        if (done.ready) {
          result.rowsIn += done.rowsIn;
          result.rowsOut += done.rowsOut;
          ++result.documents;
        }
        continue;
      }
      if (eavDocuments.contains(source.name)) {
        runs.setDocument(result.run, kStep, {source.name, "", "skipped",
                                             fmt::format("{} rows moved by the EAV step (see step eav)", extracted.rows), 0});
        continue;
      }
      if (auto owner = options_.stepDocuments.find(source.name); owner != options_.stepDocuments.end()) {
        runs.setDocument(result.run, kStep, {source.name, "", "skipped",
                                             fmt::format("{} rows moved by the {} step at load", extracted.rows,
                                                         owner->second), 0});
        continue;
      }
      if (options_.urlRewrite && selected->kind == "full" && options_.urlRewrite->handles(source.name)) {
        if (!extractDone) continue;  // the Url Rewrite step transforms whole documents
        auto absent = std::find_if(UrlRewriteStep::kDestinationDocuments.begin(), UrlRewriteStep::kDestinationDocuments.end(),
                                   [&](const char* document) { return missing.contains(document); });
        if (absent != UrlRewriteStep::kDestinationDocuments.end()) {  // reported as missing; --auto goes on without it
          runs.setDocument(result.run, kStep, {source.name, "", "skipped", leftOut(extracted.rows, *absent), 0});
          continue;
        }
        auto done = options_.urlRewrite->transform(stage_, audit_, result.run, destinationTables);
        if (done.ready) {
          result.rowsIn += done.rowsIn;
          result.rowsOut += done.rowsOut;
          result.documents += done.documents;
        }
        continue;
      }
      auto target = map_.documentMap(source.name, Side::Source);
      auto destination = target ? destinationTables.find(*target) : destinationTables.end();
      if (destination == destinationTables.end()) {
        std::string why = target ? fmt::format("Magento 2 has no document {}", *target)
                                 : std::string("the map ignores the document (staged for handler lookups)");
        runs.setDocument(result.run, kStep,
                         {source.name, "", "skipped", fmt::format("{} rows left out: {}", extracted.rows, why), 0});
        continue;
      }
      auto progress = runs.document(result.run, kStep, source.name);
      if (progress && progress->state == "done") {
        result.rowsOut += progress->rows;
        ++result.documents;
        continue;
      }
      schema::DocumentTransformer transformer(map_, source, destination->second, &environment);
      std::int64_t rowsIn = 0;
      std::int64_t rows = transformDocument(stage_, audit_, result.run, transformer, source, destination->second,
                                            destinationTables, missing, environment, rowsIn);
      if (!extractDone) {  // more chunks to come (--follow)
        runs.setDocument(result.run, kStep, {source.name, destination->second.name, "running", "", rows});
        continue;
      }
      runs.setDocument(result.run, kStep, {source.name, destination->second.name, "done",
                                           countDetail(stage_, result.run, source.name, destination->second.name, rows), rows});
      audit_.record(result.run, "transform.document.end", source.name, rows, "into " + destination->second.name);
      result.rowsIn += rowsIn;
      result.rowsOut += rows;
      ++result.documents;
    }
  } catch (const std::exception& error) {
    runs.finishStep(result.run, kStep, "failed", result.rowsOut);
    audit_.record(result.run, "transform.failed", "", result.rowsOut, error.what());
    throw;
  }
  if (options_.customer) {
    result.passwordResets = CustomerStep::passwordResets(stage_, result.run);
    if (result.passwordResets > 0) {
      spdlog::warn("Customer step: {} accounts have a password hash Magento 2 cannot verify and need a password reset "
                   "(findings of kind {})", result.passwordResets, kPasswordReset);
    }
  }
  if (!runExtracted) {
    // Finished documents only: the step stays running until extract is done and the rest follows.
    audit_.record(result.run, "transform.partial", "", result.rowsOut,
                  fmt::format("{} documents whose extract is done", result.documents));
    return result;
  }
  runs.finishStep(result.run, kStep, "done", result.rowsOut);
  if (result.passwordResets > 0)
    audit_.record(result.run, "transform.customer.password_reset", "customer_entity", result.passwordResets,
                  "accounts whose password hash Magento 2 cannot verify: they need a password reset");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  audit_.record(result.run, "transform.end", "", result.rowsOut, fmt::format("{} documents in {:.2f}s", result.documents, seconds));
  return result;
}

}  // namespace m2stage::transform
