#include "extract/Extractor.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "audit/Finding.hpp"
#include "audit/IntegrityCheck.hpp"
#include "extract/ChangeLogInstaller.hpp"
#include "extract/DocumentCopier.hpp"
#include "extract/DocumentParts.hpp"
#include "extract/FetchedChunk.hpp"
#include "mariadb/Catalog.hpp"
#include "mariadb/Connection.hpp"
#include "schema/HandlerLookups.hpp"
#include "schema/TablePrefix.hpp"
#include "stage/Parallel.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"

namespace m2stage::extract {

namespace {

constexpr const char* kStep = "extract";
using schema::Side;

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// m2stage's own change-log tables never migrate, whatever the map says.
bool isChangeLog(const std::string& name) { return name.starts_with("m2_cl_"); }

void startSnapshot(mariadb::Connection& connection) {
  connection.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  connection.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
}

struct TableSize {
  std::int64_t bytes = 0, rows = 0;  // the server's estimates
};

// So the largest documents start first, and progress can show an ETA.
std::map<std::string, TableSize> tableSizes(mariadb::Connection& connection) {
  std::map<std::string, TableSize> sizes;
  for (auto& row : connection.query("SELECT TABLE_NAME, IFNULL(DATA_LENGTH, 0), IFNULL(TABLE_ROWS, 0) FROM "
                                    "information_schema.TABLES WHERE TABLE_SCHEMA = " +
                                    connection.literal(connection.settings().name, false))) {
    sizes[*row[0]] = {std::stoll(*row[1]), std::stoll(*row[2])};
  }
  return sizes;
}

// How a table changed since the run staged its schema, if it did: a resumed run must read the
// columns it started with, and a column added or retyped since would be lost or misread.
std::optional<std::string> columnChange(const schema::Table& staged, const schema::Table& now) {
  for (const auto& column : staged.columns) {
    const auto* current = now.find(column.name);
    if (!current) return fmt::format("column {} dropped", column.name);
    if (current->columnType != column.columnType)
      return fmt::format("column {} is now {}, was {}", column.name, current->columnType, column.columnType);
  }
  for (const auto& column : now.columns) {
    if (!staged.find(column.name)) return fmt::format("column {} added", column.name);
  }
  return std::nullopt;
}

// Documents a config file names that Magento 1 lacks (official message 1): a finding of the
// run's extract, and a stop (exit 3) unless --auto makes it a warning.
void reportMissingDocuments(stage::StageFile& stage, std::int64_t run, const std::vector<std::string>& missing,
                            bool autoResolve) {
  if (missing.empty()) return;
  auto findings = audit::documentsMissing(missing, {}, autoResolve);
  audit::saveFindings(stage, run, kStep, findings);
  if (autoResolve) {
    spdlog::warn("{}", findings.front().message);
    return;
  }
  spdlog::error("{}", findings.front().message);
  spdlog::info("You can use --auto or -a option to ignore not mapped differences between source and destination to continue migration");
  stage::Runs(stage).finishStep(run, kStep, "failed", 0);
  throw audit::IntegrityFailed("Integrity Check failed");
}

}  // namespace

void Extractor::installChangeCapture(mariadb::Connection& source, const std::map<std::string, schema::Table>& catalog,
                                     std::int64_t run, bool reset) {
  auto groupsFile = config_.fileOption("delta_document_groups_file");
  if (groupsFile.empty()) {
    spdlog::warn("extract: no delta_document_groups_file in {}; no change capture, so delta cannot follow this run",
                 config_.file().string());
    return;
  }
  auto groups = schema::DocumentGroups::load(groupsFile);
  // Documents the groups file names but Magento 1 lacks: a stop, or with --auto a finding.
  std::vector<std::string> missing;
  for (const auto& document : groups.flattened()) {
    if (!catalog.contains(document.name)) missing.push_back(document.name);
  }
  reportMissingDocuments(stage_, run, missing, options_.autoResolve);
  auto installed = ChangeLogInstaller(source, config_.prefix(Side::Source)).install(groups, reset);
  audit_.record(run, "extract.changelog.install", "", static_cast<std::int64_t>(installed.installed.size()),
                fmt::format("{} tables captured, {} triggers created, {} merged, {} change-logs emptied",
                            installed.installed.size(), installed.createdTriggers.size(), installed.mergedTriggers.size(),
                            installed.truncated.size()));
  spdlog::info("extract: change capture on {} tables ({} triggers created, {} merged into existing ones)",
               installed.installed.size(), installed.createdTriggers.size(), installed.mergedTriggers.size());
}

bool Extractor::worthSplitting(const schema::Table& table, std::int64_t estimatedRows) const {
  if (options_.jobs < 2 || table.primaryKey.size() != 1 || !table.find(table.primaryKey.front())->isInteger()) return false;
  return estimatedRows >= 2 * config_.bulkSize();
}

std::vector<Extractor::Work> Extractor::planDocument(const schema::Table& table, mariadb::Connection& reader,
                                                     const std::string& prefix, std::int64_t run, unsigned jobs,
                                                     std::int64_t estimatedRows) {
  stage::Runs runs(stage_);
  auto progress = runs.document(run, kStep, table.name);
  if (progress && progress->state == "done") return {Work{&table}};
  DocumentParts partRecords(stage_);
  auto parts = partRecords.load(run, table.name);
  auto chunks = runs.chunks(run, kStep, table.name);
  // A new document (a resumed one keeps the plan it started with, split or not).
  if (parts.empty() && chunks.empty() && jobs > 1 && worthSplitting(table, estimatedRows)) {
    const std::string& key = table.primaryKey.front();
    auto range = reader.query(fmt::format("SELECT MIN({0}), MAX({0}) FROM {1}", mariadb::quoteIdentifier(key),
                                          mariadb::quoteIdentifier(schema::withPrefix(table.name, prefix))));
    try {
      if (!range.empty() && range[0][0] && range[0][1]) parts = DocumentParts::plan(std::stoll(*range[0][0]), std::stoll(*range[0][1]), jobs);
    } catch (const std::out_of_range&) {
      // Unsigned keys beyond BIGINT's signed range: read in one pass.
    }
    if (parts.size() < 2) return {Work{&table}};
    stage::RowTable(stage_, "m1", table.name).ensure(table.columnNames());  // once, not by each part's worker
    partRecords.create(run, table.name, parts);
    audit_.record(run, "extract.document.start", table.name, std::nullopt,
                  fmt::format("in {} parts by {}", parts.size(), key));
  } else if (parts.empty()) {
    return {Work{&table}};
  }
  std::int64_t staged = 0;
  int left = 0;
  for (const auto& part : parts) {
    staged += part.rows;
    left += part.done ? 0 : 1;
  }
  if (!chunks.empty()) audit_.record(run, "extract.document.resume", table.name, staged, fmt::format("in {} parts", parts.size()));
  if (left == 0) {  // stopped between its last part and the document's record
    runs.setDocument(run, kStep, {table.name, "", "done", "", staged});
    return {Work{&table}};
  }
  auto split = std::make_shared<SplitDocument>(staged, left, estimatedRows);
  std::vector<Work> work;
  for (const auto& part : parts) {
    if (!part.done) work.push_back(Work{&table, part, split});
  }
  return work;
}

Extractor::Extractor(const schema::Config& config, const schema::MapRules& map, stage::StageFile& stage,
                     audit::AuditTrail& audit, ExtractOptions options)
    : config_(config), map_(map), stage_(stage), audit_(audit), options_(options) {}

ExtractResult Extractor::run() {
  const auto& settings = config_.database(Side::Source);
  auto initStatements = config_.initStatements(Side::Source);
  mariadb::Connection source(settings, initStatements);
  std::string prefix = config_.prefix(Side::Source);

  auto catalog = mariadb::readCatalog(source, prefix);

  stage::Runs runs(stage_);
  ExtractResult result;
  auto latest = runs.latest("full", options_.mode);
  bool resume = latest && !options_.reset && runs.stepState(latest->id, kStep) != "done";
  if (latest && !options_.reset && !resume) {
    spdlog::info("{} run {} is already extracted; use --reset to start a new run", options_.mode, latest->id);
    result.run = latest->id;
    return result;
  }
  if (resume) {
    result.run = latest->id;
    spdlog::info("extract: continuing run {}", result.run);
  } else {
    SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
    result.run = runs.create("full", options_.mode, settings.describe(), config_.database(Side::Destination).describe());
    runs.saveConfig(result.run, "config.xml", config_.redactedText());
    if (!map_.file().empty()) runs.saveConfig(result.run, "map.xml", readFile(map_.file()));
    for (const auto& [name, file] : options_.configFiles) runs.saveConfig(result.run, name, readFile(file));
    for (const auto& [name, table] : catalog) {
      if (!options_.documents || options_.documents->contains(name)) runs.saveSchema(result.run, "m1", table);
    }
    transaction.commit();
    spdlog::info("extract: {} run {} started", options_.mode, result.run);
  }
  runs.startStep(result.run, kStep);
  audit_.record(result.run, resume ? "extract.resume" : "extract.start", "", std::nullopt, settings.describe());
  // Change capture belongs to data mode (upstream installs it with migrate:data only).
  if (options_.mode == "data") installChangeCapture(source, catalog, result.run, !resume && latest.has_value());
  if (options_.documents) {
    // Settings mode: its documents must exist (upstream Settings/Stores integrity).
    std::vector<std::string> missing;
    for (const auto& name : *options_.documents) {
      if (!catalog.contains(name)) missing.push_back(name);
    }
    reportMissingDocuments(stage_, result.run, missing, options_.autoResolve);
  }

  // The staged schema of a resumed run is the one it started with; largest documents first.
  auto staged = runs.loadSchema(result.run, "m1");
  const auto sizes = tableSizes(source);
  auto sizeOf = [&](const std::string& name) {
    auto found = sizes.find(schema::withPrefix(name, prefix));
    return found == sizes.end() ? TableSize{} : found->second;
  };
  std::vector<const schema::Table*> documents;
  // Documents the map carries, plus those its handlers look things up in.
  std::set<std::string> lookups;
  for (const auto& [field, spec] : map_.allHandlers()) {
    for (auto& document : schema::lookupDocuments(spec)) lookups.insert(document);
  }
  for (const auto& [name, table] : staged) {
    if (options_.documents ? !options_.documents->contains(name)
                           : isChangeLog(name) || (map_.isDocumentIgnored(name, Side::Source) && !lookups.contains(name) &&
                                                     !options_.extraDocuments.contains(name)))
      continue;
    if (!catalog.contains(name)) {
      runs.finishStep(result.run, kStep, "failed", 0);
      throw mariadb::DatabaseError(fmt::format("source table {} was dropped during the run", schema::withPrefix(name, prefix)), 0);
    }
    if (auto change = columnChange(table, catalog.at(name))) {
      runs.finishStep(result.run, kStep, "failed", 0);
      throw mariadb::DatabaseError(fmt::format("source table {} was altered during the run ({}); start a new run with --reset",
                                               schema::withPrefix(name, prefix), *change), 0);
    }
    documents.push_back(&table);
  }
  std::stable_sort(documents.begin(), documents.end(), [&](const schema::Table* a, const schema::Table* b) {
    return sizeOf(a->name).bytes > sizeOf(b->name).bytes;
  });

  auto started = std::chrono::steady_clock::now();
  bool anySplittable = std::any_of(documents.begin(), documents.end(), [&](const schema::Table* table) {
    return worthSplitting(*table, sizeOf(table->name).rows);
  });
  // More readers than documents only pays when a large document can be split between them.
  unsigned jobs = std::clamp<unsigned>(options_.jobs, 1, anySplittable ? options_.jobs : std::max<std::size_t>(documents.size(), 1));
  std::atomic<bool> abort{false};
  std::atomic<std::int64_t> rows{0};
  CopyLimits limits;
  limits.chunkRows = config_.bulkSize();
  // Two chunk buffers a reader (one filling while the other is staged) and one to spare, so a
  // reader that fetches in bursts does not wait for the stager at every chunk. The buffers share
  // the budget of one reader's three (down to 1 MiB chunks), so memory does not grow with the
  // readers a large document is split between (smaller chunks only mean a few more commits).
  ChunkPool pool(2 * jobs + 1);
  limits.pool = &pool;
  limits.chunkBytes = std::max<std::int64_t>(limits.chunkBytes * 3 / (2 * jobs + 1), 1 << 20);
  limits.abort = &abort;
  limits.progress = options_.progress;
  std::mutex stageWriter;
  limits.stageWriter = &stageWriter;

  try {
    stage::WalFolder walFolder(stage_.path());
    limits.walFolder = &walFolder;
    // Every reader starts its snapshot while writes are held (when the user may FLUSH TABLES WITH
    // READ LOCK), so all share one point in time. Without that privilege each reader has its own
    // snapshot, all taken after change capture began: later changes still reach Magento 2 by delta.
    std::vector<std::unique_ptr<mariadb::Connection>> readers;
    for (unsigned i = 0; i < jobs; ++i)
      readers.push_back(std::make_unique<mariadb::Connection>(settings, initStatements, mariadb::TextResults::AsStored));
    bool locked = false;
    if (jobs > 1) {
      try {
        source.execute("SET SESSION lock_wait_timeout = 10");
        source.execute("FLUSH TABLES WITH READ LOCK");
        locked = true;
      } catch (const mariadb::DatabaseError& error) {
        spdlog::info("extract: readers take separate snapshots ({}); changes between them are carried by delta", error.what());
      }
    }
    for (auto& reader : readers) startSnapshot(*reader);
    if (locked) source.execute("UNLOCK TABLES");

    std::vector<Work> work;
    for (const schema::Table* table : documents) {
      auto items = planDocument(*table, *readers.front(), prefix, result.run, jobs, sizeOf(table->name).rows);
      work.insert(work.end(), items.begin(), items.end());
    }
    // Each worker stages its documents through its own connection to the staging file.
    std::vector<std::unique_ptr<stage::StageFile>> stages(jobs);
    std::vector<std::unique_ptr<audit::AuditTrail>> audits(jobs);
    stage::forEachInParallel(jobs, work.size(), abort, [&](unsigned worker) -> stage::ItemHandler {
      stages[worker] = std::make_unique<stage::StageFile>(stage_.path(), stage::StageFile::OpenMode::BesideMain);
      // The workers share one connection's cache budget: they only append, and a chunk's dirty
      // pages fit in a share of it.
      stages[worker]->setCacheSize(stage::StageFile::kCacheKib / jobs);
      stages[worker]->stopAutomaticCheckpoints();  // limits.walFolder makes them
      audits[worker] = std::make_unique<audit::AuditTrail>(*stages[worker], audit_.command());
      return [&, worker](std::size_t index) {
        const Work& item = work[index];
        DocumentCopier copier(*readers[worker], *stages[worker], *audits[worker], result.run, *item.table,
                              schema::withPrefix(item.table->name, prefix), limits);
        if (item.split) {
          copier.copyPart(*item.part, *item.split);
        } else {
          rows += copier.copy(sizeOf(item.table->name).rows);
        }
      };
    });
    std::set<const SplitDocument*> counted;
    for (const auto& item : work) {
      if (item.split && counted.insert(item.split.get()).second) rows += item.split->rows;
    }
    for (auto& reader : readers) reader->execute("COMMIT");
    walFolder.finish();
  } catch (const std::exception& error) {
    runs.finishStep(result.run, kStep, "failed", rows);
    audit_.record(result.run, "extract.failed", "", rows.load(), error.what());
    throw;
  }
  result.rows = rows;
  result.documents = static_cast<int>(documents.size());
  runs.finishStep(result.run, kStep, "done", result.rows);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  audit_.record(result.run, "extract.end", "", result.rows,
                fmt::format("{} documents in {:.2f}s with {} readers", result.documents, seconds, jobs));
  return result;
}

}  // namespace m2stage::extract
