#include "extract/Extractor.hpp"

#include <chrono>
#include <fstream>
#include <sstream>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "extract/DocumentCopier.hpp"
#include "mariadb/Catalog.hpp"
#include "mariadb/Connection.hpp"
#include "schema/TablePrefix.hpp"
#include "stage/Runs.hpp"

namespace m2stage::extract {

namespace {

constexpr const char* kStep = "extract";

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// m2stage's own change-log tables never migrate, whatever the map says.
bool isChangeLog(const std::string& name) { return name.starts_with("m2_cl_"); }

}  // namespace

Extractor::Extractor(const schema::Config& config, const schema::MapRules& map, stage::StageFile& stage,
                     audit::AuditTrail& audit, ExtractOptions options)
    : config_(config), map_(map), stage_(stage), audit_(audit), options_(options) {}

ExtractResult Extractor::run() {
  using schema::Side;
  mariadb::Connection source(config_.database(Side::Source), config_.initStatements(Side::Source));
  std::string prefix = config_.prefix(Side::Source);

  // Tables by unprefixed name; the server name is withPrefix(name).
  std::map<std::string, schema::Table> catalog;
  for (auto& [serverName, table] : mariadb::readCatalog(source)) {
    if (!prefix.empty() && !serverName.starts_with(prefix)) continue;
    table.name = schema::withoutPrefix(serverName, prefix);
    catalog.emplace(table.name, std::move(table));
  }

  stage::Runs runs(stage_);
  ExtractResult result;
  auto latest = runs.latest("full");
  bool resume = latest && !options_.reset && runs.stepState(latest->id, kStep) != "done";
  if (latest && !options_.reset && !resume) {
    spdlog::info("run {} is already extracted; use --reset to start a new run", latest->id);
    result.run = latest->id;
    return result;
  }
  if (resume) {
    result.run = latest->id;
    spdlog::info("extract: continuing run {}", result.run);
  } else {
    SQLite::Transaction transaction(stage_.db());
    result.run = runs.create("full", "data", config_.database(Side::Source).describe(),
                             config_.database(Side::Destination).describe());
    runs.saveConfig(result.run, "config.xml", config_.redactedText());
    if (!map_.file().empty()) runs.saveConfig(result.run, "map.xml", readFile(map_.file()));
    for (const auto& [name, table] : catalog) runs.saveSchema(result.run, "m1", table);
    transaction.commit();
    spdlog::info("extract: run {} started", result.run);
  }
  runs.startStep(result.run, kStep);
  audit_.record(result.run, resume ? "extract.resume" : "extract.start", "", std::nullopt,
                config_.database(Side::Source).describe());

  auto started = std::chrono::steady_clock::now();
  try {
    // One consistent snapshot for every document of this pass.
    source.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    source.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
    CopyLimits limits;
    limits.chunkRows = config_.bulkSize();
    // The staged schema of a resumed run is the one it started with.
    auto staged = runs.loadSchema(result.run, "m1");
    for (const auto& [name, table] : staged) {
      if (isChangeLog(name) || map_.isDocumentIgnored(name, Side::Source)) continue;
      if (!catalog.contains(name))
        throw mariadb::DatabaseError(fmt::format("source table {} was dropped during the run",
                                                 schema::withPrefix(name, prefix)), 0);
      DocumentCopier copier(source, stage_, audit_, result.run, table, schema::withPrefix(name, prefix), limits);
      result.rows += copier.copy();
      ++result.documents;
    }
    source.execute("COMMIT");
  } catch (const std::exception& error) {
    runs.finishStep(result.run, kStep, "failed", result.rows);
    audit_.record(result.run, "extract.failed", "", result.rows, error.what());
    throw;
  }
  runs.finishStep(result.run, kStep, "done", result.rows);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  audit_.record(result.run, "extract.end", "", result.rows, fmt::format("{} documents in {:.2f}s", result.documents, seconds));
  return result;
}

}  // namespace m2stage::extract
