#include "transform/UrlRewriteStep.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "audit/Finding.hpp"
#include "schema/UrlRewriteMapping.hpp"
#include "stage/ChunkWriter.hpp"
#include "stage/Interrupt.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"

namespace m2stage::transform {

namespace {

constexpr const char* kStep = "transform";
constexpr const char* kKeys = "temp.\"m2stage_url_rewrite_key\"";
constexpr const char* kDropped = "temp.\"m2stage_url_rewrite_dropped\"";

using Mapping = schema::UrlRewriteMapping;

// The keys (store_id, request path as Magento 2 compares it) taken so far, and the rewrites dropped.
class KeyTable {
 public:
  explicit KeyTable(stage::StageFile& stage) : stage_(stage) {}
  ~KeyTable() {
    try {
      find_.reset();
      isDropped_.reset();
      stage_.db().exec(fmt::format("DROP TABLE IF EXISTS {}", kKeys));
      stage_.db().exec(fmt::format("DROP TABLE IF EXISTS {}", kDropped));
    } catch (const std::exception&) {
    }
  }

  struct Holder {
    std::optional<std::int64_t> id, pageId;
    bool isSystem = false;
    schema::Value requestPath;
  };
  std::optional<Holder> find(std::int64_t store, const std::string& key) {
    find_.reset();
    find_.bind(1, store);
    find_.bind(2, key);
    if (!find_.executeStep()) return std::nullopt;
    Holder holder;
    if (!find_.getColumn(0).isNull()) holder.id = find_.getColumn(0).getInt64();
    holder.isSystem = find_.getColumn(1).getInt() != 0;
    if (!find_.getColumn(2).isNull()) holder.pageId = find_.getColumn(2).getInt64();
    if (!find_.getColumn(3).isNull()) holder.requestPath = find_.getColumn(3).getString();
    return holder;
  }
  void put(std::int64_t store, const std::string& key, std::optional<std::int64_t> id, bool isSystem,
           std::optional<std::int64_t> pageId, const schema::Value& requestPath) {
    put_.reset();
    put_.bind(1, store);
    put_.bind(2, key);
    if (id) put_.bind(3, *id); else put_.bind(3);
    put_.bind(4, isSystem ? 1 : 0);
    if (pageId) put_.bind(5, *pageId); else put_.bind(5);
    if (requestPath) put_.bind(6, *requestPath); else put_.bind(6);
    put_.exec();
  }
  void drop(std::int64_t id, bool isPage, bool isSystem, std::int64_t store, const std::string& key,
            const schema::Value& requestPath) {
    drop_.reset();
    drop_.bind(1, id);
    drop_.bind(2, isPage ? 1 : 0);
    drop_.bind(3, isSystem ? 1 : 0);
    drop_.bind(4, store);
    drop_.bind(5, key);
    if (requestPath) drop_.bind(6, *requestPath); else drop_.bind(6);
    drop_.exec();
  }
  bool dropped(std::int64_t id) {
    isDropped_.reset();
    isDropped_.bind(1, id);
    return isDropped_.executeStep();
  }

  // One finding per dropped rewrite, naming the one kept for its key in the end.
  std::vector<audit::Finding> findings() {
    SQLite::Statement read(stage_.db(), fmt::format("SELECT d.\"dropped_id\", d.\"is_page\", d.\"is_system\", d.\"store_id\", "
                                                    "d.\"request_path\", k.\"m1_id\", k.\"is_system\", k.\"page_id\" "
                                                    "FROM {} d JOIN {} k ON k.\"store_id\" = d.\"store_id\" AND "
                                                    "k.\"path_key\" = d.\"path_key\" ORDER BY d.\"is_page\", d.\"dropped_id\", "
                                                    "d.\"store_id\"",
                                                    kDropped, kKeys));
    std::vector<audit::Finding> findings;
    while (read.executeStep()) {
      std::int64_t id = read.getColumn(0).getInt64();
      bool isPage = read.getColumn(1).getInt() != 0;
      bool isSystem = read.getColumn(2).getInt() != 0;
      std::int64_t store = read.getColumn(3).getInt64();
      schema::Value path;
      if (!read.getColumn(4).isNull()) path = read.getColumn(4).getString();
      std::string kept = read.getColumn(5).isNull()
                             ? Mapping::cmsPageName(read.getColumn(7).getInt64())
                             : Mapping::rewriteName(read.getColumn(5).getInt64(), read.getColumn(6).getInt() != 0);
      std::string droppedName = isPage ? Mapping::cmsPageName(id) : Mapping::rewriteName(id, isSystem);
      findings.push_back({kUrlRewriteDuplicate, "source", isPage ? "cms_page" : UrlRewriteStep::kSource,
                          "request_path,store_id", Mapping::duplicateMessage(path, store, droppedName, kept, isPage),
                          audit::Severity::Warning});
    }
    return findings;
  }

 private:
  static bool createTables(stage::StageFile& stage) {
    stage.db().exec(fmt::format("CREATE TEMP TABLE IF NOT EXISTS {} (\"store_id\" INTEGER NOT NULL, \"path_key\" TEXT NOT NULL, "
                                "\"m1_id\" INTEGER, \"is_system\" INTEGER NOT NULL, \"page_id\" INTEGER, \"request_path\" TEXT, "
                                "PRIMARY KEY (\"store_id\", \"path_key\")) WITHOUT ROWID",
                                kKeys));
    stage.db().exec(fmt::format("CREATE TEMP TABLE IF NOT EXISTS {} (\"dropped_id\" INTEGER NOT NULL, \"is_page\" INTEGER NOT NULL, "
                                "\"is_system\" INTEGER NOT NULL, \"store_id\" INTEGER NOT NULL, \"path_key\" TEXT NOT NULL, "
                                "\"request_path\" TEXT, PRIMARY KEY (\"is_page\", \"dropped_id\", \"store_id\")) WITHOUT ROWID",
                                kDropped));
    stage.db().exec(fmt::format("DELETE FROM {}", kKeys));
    stage.db().exec(fmt::format("DELETE FROM {}", kDropped));
    return true;
  }

  stage::StageFile& stage_;
  [[maybe_unused]] bool created_ = createTables(stage_);
  SQLite::Statement find_{stage_.db(), fmt::format("SELECT \"m1_id\", \"is_system\", \"page_id\", \"request_path\" FROM {} WHERE \"store_id\" = ? "
                                                   "AND \"path_key\" = ?",
                                                   kKeys)};
  SQLite::Statement put_{stage_.db(), fmt::format("INSERT OR REPLACE INTO {} (\"store_id\", \"path_key\", \"m1_id\", \"is_system\", "
                                                  "\"page_id\", \"request_path\") VALUES (?, ?, ?, ?, ?, ?)",
                                                  kKeys)};
  SQLite::Statement drop_{stage_.db(), fmt::format("INSERT OR IGNORE INTO {} (\"dropped_id\", \"is_page\", \"is_system\", "
                                                   "\"store_id\", \"path_key\", \"request_path\") VALUES (?, ?, ?, ?, ?, ?)",
                                                   kDropped)};
  SQLite::Statement isDropped_{stage_.db(), fmt::format("SELECT 1 FROM {} WHERE \"is_page\" = 0 AND \"dropped_id\" = ?", kDropped)};
};

const schema::Table& destinationTable(const std::map<std::string, schema::Table>& tables, const std::string& name) {
  auto found = tables.find(name);
  if (found == tables.end())
    throw stage::StageError(fmt::format("Destination documents are missing: {} (needed by the Url Rewrite Step; leave the "
                                        "step out of the step list or set <skip_url_rewrites>1</skip_url_rewrites>)",
                                        name));
  return found->second;
}

}  // namespace

bool UrlRewriteStep::skipped(const schema::Config& config) {
  std::string skip = config.option("skip_url_rewrites", "0");
  return !(skip.empty() || skip == "0" || skip == "false");
}

std::optional<UrlRewriteStep> UrlRewriteStep::forConfig(const schema::Config& config, bool listed) {
  if (skipped(config)) return std::nullopt;
  return UrlRewriteStep(listed);
}

const std::set<std::string>& UrlRewriteStep::stagedDocuments() const {
  static const std::set<std::string> documents = {kSource, "cms_page", "cms_page_store"};
  return documents;
}

UrlRewriteStep::Result UrlRewriteStep::transform(stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                                                 const std::map<std::string, schema::Table>& destinationTables) const {
  stage::Runs runs(stage);
  Result result;
  for (const auto& document : stagedDocuments()) {
    auto extracted = runs.document(run, "extract", document);
    if (extracted && extracted->state != "done") {
      result.ready = false;
      return result;
    }
  }
  auto progress = runs.document(run, kStep, kSource);
  if (progress && progress->state == "done") {
    auto productCategory = runs.document(run, kStep, kProductCategoryDocument);
    result.rowsOut = progress->rows + (productCategory ? productCategory->rows : 0);
    result.documents = 2;
    return result;
  }
  for (const char* table : kDestinationDocuments) {
    if (listed_ || destinationTables.contains(table)) continue;
    std::string why = fmt::format("Magento 2 has no document {}: the Url Rewrite Step is left out (Magento 2 "
                                  "regenerates the rewrites)", table);
    spdlog::info("{}", why);  // no step list asked for it: a note, not a warning
    std::int64_t rows = 0;
    for (const auto& chunk : runs.chunks(run, "extract", kSource)) rows += chunk.rows;
    runs.setDocument(run, kStep, {kSource, "", "skipped", fmt::format("{} rows left out: {}", rows, why), 0});
    return result;
  }
  const schema::Table& urlRewrite = destinationTable(destinationTables, kUrlRewrite);
  const schema::Table& productCategory = destinationTable(destinationTables, kProductCategory);
  const auto& rewriteColumns = Mapping::urlRewriteColumns();
  const auto& categoryColumns = Mapping::productCategoryColumns();
  stage::RowTable input(stage, "m1", kSource);
  stage::RowTable output(stage, "m2", kUrlRewrite);
  stage::RowTable categoryOutput(stage, "m2", kProductCategory);
  output.ensure(rewriteColumns);
  categoryOutput.ensure(categoryColumns);
  stage::RowTable::Writer writer(stage, output.name(), rewriteColumns, stage::RowTable::storageFor(urlRewrite, rewriteColumns));
  stage::RowTable::Writer categoryWriter(stage, categoryOutput.name(), categoryColumns,
                                         stage::RowTable::storageFor(productCategory, categoryColumns));
  auto extractedChunks = runs.chunks(run, "extract", kSource);

  // Pass 1: which rewrite keeps each (store_id, request path).
  KeyTable keys(stage);
  std::int64_t maxId = 0;
  {
    SQLite::Transaction transaction(stage.db(), SQLite::TransactionBehavior::DEFERRED);
    for (const auto& chunk : extractedChunks) {
      stage::checkInterrupt();
      stage::RowTable::Reader reader(stage, input.name(), Mapping::sourceColumns(), chunk.firstRowid, chunk.lastRowid);
      while (reader.next()) {
        auto row = Mapping::source(reader.values());
        maxId = std::max(maxId, row.id);
        auto key = Mapping::pathKey(row.requestPath);
        if (!key) continue;  // NULL never collides
        auto holder = keys.find(row.storeId, *key);
        if (!holder) {
          keys.put(row.storeId, *key, row.id, row.isSystem, std::nullopt, row.requestPath);
        } else if (Mapping::wins({row.id, row.isSystem}, {holder->id.value_or(0), holder->isSystem})) {
          keys.drop(*holder->id, false, holder->isSystem, row.storeId, *key, holder->requestPath);
          keys.put(row.storeId, *key, row.id, row.isSystem, std::nullopt, row.requestPath);
        } else {
          keys.drop(row.id, false, row.isSystem, row.storeId, *key, row.requestPath);
        }
      }
    }
    transaction.commit();
  }
  // Pass 2: the rewrites kept, chunk by chunk as extracted.
  auto done = runs.chunks(run, kStep, kSource);
  std::int64_t rowsOut = 0, categoryRows = 0;
  for (const auto& chunk : done) rowsOut += chunk.rows;
  for (const auto& chunk : runs.chunks(run, kStep, kProductCategoryDocument)) categoryRows += chunk.rows;
  for (const auto& extracted : extractedChunks) {
    if (extracted.number < static_cast<std::int64_t>(done.size())) continue;  // already transformed
    stage::checkInterrupt();
    SQLite::Transaction transaction(stage.db(), SQLite::TransactionBehavior::IMMEDIATE);
    stage::ChunkWriter chunkWriter(writer, {run, kStep, kSource, extracted.number});
    stage::ChunkWriter categoryChunk(
        categoryWriter,
        {run, kStep, kProductCategoryDocument, static_cast<std::int64_t>(runs.chunks(run, kStep, kProductCategoryDocument).size())},
        extracted.number);
    {
      stage::RowTable::Reader reader(stage, input.name(), Mapping::sourceColumns(), extracted.firstRowid, extracted.lastRowid);
      while (reader.next()) {
        auto row = Mapping::source(reader.values());
        if (Mapping::pathKey(row.requestPath) && keys.dropped(row.id)) continue;
        auto target = Mapping::map(row);
        chunkWriter.add("insert", target.row());
        if (target.productCategory) categoryChunk.add("insert", target.productCategoryRow());
      }
    }
    stage::Chunk written = chunkWriter.finish();
    runs.addChunk(written);
    rowsOut += written.rows;
    if (categoryChunk.rows() > 0) {
      stage::Chunk categories = categoryChunk.finish();
      runs.addChunk(categories);
      categoryRows += categories.rows;
    }
    runs.setDocument(run, kStep, {kSource, kUrlRewrite, "running", "", rowsOut});
    runs.setDocument(run, kStep, {kProductCategoryDocument, kProductCategory, "running", "", categoryRows});
    audit.record(run, "transform.chunk", kSource, written.rows, fmt::format("chunk {} checksum {}", written.number, written.checksum));
    transaction.commit();
  }

  // Pass 3: cms-page rewrites for the active CMS pages, per store (0 becomes 1), where the path is free.
  SQLite::Transaction transaction(stage.db(), SQLite::TransactionBehavior::IMMEDIATE);
  std::int64_t cmsRows = 0;
  bool cmsStaged = stage::RowTable(stage, "m1", "cms_page").exists() && stage::RowTable(stage, "m1", "cms_page_store").exists();
  if (!cmsStaged) {
    spdlog::warn("Url Rewrite Step: cms_page or cms_page_store is not staged; no cms-page rewrites are added");
  } else {
    stage::ChunkWriter cmsChunk(writer, {run, kStep, kSource, static_cast<std::int64_t>(extractedChunks.size())});
    SQLite::Statement pages(stage.db(),
                            "SELECT CAST(p.\"page_id\" AS INTEGER), p.\"identifier\", CAST(s.\"store_id\" AS INTEGER) "
                            "FROM \"m1.cms_page\" p JOIN \"m1.cms_page_store\" s "
                            "ON CAST(s.\"page_id\" AS INTEGER) = CAST(p.\"page_id\" AS INTEGER) AND s.\"_run\" = p.\"_run\" "
                            "WHERE p.\"_run\" = ? AND CAST(p.\"is_active\" AS INTEGER) = 1 AND p.\"identifier\" IS NOT NULL "
                            "ORDER BY 1, 3");
    pages.bind(1, run);
    std::int64_t nextId = maxId + 1;
    while (pages.executeStep()) {
      std::int64_t pageId = pages.getColumn(0).getInt64();
      std::string identifier = pages.getColumn(1).getString();
      auto target = Mapping::cmsPage(nextId, pageId, identifier, pages.getColumn(2).getInt64());
      auto key = Mapping::pathKey(target.requestPath);
      if (auto holder = keys.find(target.storeId, *key)) {
        // The same page in store 0 and store 1 gives one rewrite; anything else is reported.
        if (holder->id || holder->pageId != pageId)
          keys.drop(pageId, true, false, target.storeId, *key, target.requestPath);
        continue;
      }
      keys.put(target.storeId, *key, std::nullopt, false, pageId, target.requestPath);
      cmsChunk.add("insert", target.row());
      ++nextId;
    }
    if (cmsChunk.rows() > 0) {
      stage::Chunk chunk = cmsChunk.finish();
      runs.addChunk(chunk);
      cmsRows = chunk.rows;
      rowsOut += chunk.rows;
    }
  }
  auto findings = keys.findings();
  audit::appendFindings(stage, run, kStep, findings);
  std::int64_t rowsIn = 0;
  for (const auto& chunk : extractedChunks) rowsIn += chunk.rows;
  std::string detail = fmt::format("read {}, wrote {}: {} cms-page rewrites added; {} duplicate rewrites of (request_path, "
                                   "store_id) dropped ({} findings); {} product-in-category rows into {}",
                                   rowsIn, rowsOut, cmsRows, findings.size(), kUrlRewriteDuplicate, categoryRows, kProductCategory);
  runs.setDocument(run, kStep, {kSource, kUrlRewrite, "done", detail, rowsOut});
  runs.setDocument(run, kStep, {kProductCategoryDocument, kProductCategory, "done", "rows written by the Url Rewrite Step", categoryRows});
  audit.record(run, "transform.document.end", kSource, rowsOut, "into url_rewrite (Url Rewrite Step): " + detail);
  transaction.commit();
  for (const auto& finding : findings) spdlog::warn("{}", finding.message);
  result.rowsIn = rowsIn;
  result.rowsOut = rowsOut + categoryRows;
  result.documents = 2;
  result.duplicates = static_cast<std::int64_t>(findings.size());
  result.cmsPages = cmsRows;
  return result;
}

}  // namespace m2stage::transform
