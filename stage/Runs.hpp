// Runs and their progress in the staging file: run, run_step, document and chunk tables,
// plus the configs and schemas a run used.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "schema/Table.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::stage {

struct Run {
  std::int64_t id = 0;
  std::string kind;  // full | delta
  std::string mode;  // data | settings
  std::string createdAt, host, toolVersion, source, destination;
};

struct DocumentProgress {
  std::string document, target, state, detail;
  std::int64_t rows = 0;
};

struct Chunk {
  std::int64_t run = 0;
  std::string step, document;
  std::int64_t number = 0;
  std::optional<std::string> keyFrom, keyTo;  // key values as text, JSON-ish list for composite keys
  std::int64_t rows = 0;
  std::int64_t firstRowid = 0, lastRowid = -1;  // staged rows of this chunk: rowid range
  std::string checksum;
  std::string state = "done";  // pending: written to Magento 2, commit not yet confirmed (load only)
};

class Runs {
 public:
  explicit Runs(StageFile& stage) : stage_(stage) {}

  std::int64_t create(const std::string& kind, const std::string& mode, const std::string& source,
                      const std::string& destination);
  std::optional<Run> find(std::int64_t id);
  // The newest run of a kind (full, delta) and mode (data, settings, delta).
  std::optional<Run> latest(const std::string& kind, const std::string& mode);
  std::vector<Run> all();
  // The run whose staged lookup tables (eav_attribute, core_store, ...) describe `run`: `run` for a
  // full run; for a delta run, which holds only changed rows, the latest full data run before it.
  std::int64_t lookupRun(std::int64_t run);

  // Step state: running | done | failed, or nullopt when the step never started.
  std::optional<std::string> stepState(std::int64_t run, const std::string& step);
  void startStep(std::int64_t run, const std::string& step);
  void finishStep(std::int64_t run, const std::string& step, const std::string& state, std::int64_t rows);
  void resetStep(std::int64_t run, const std::string& step);

  void saveConfig(std::int64_t run, const std::string& name, const std::string& content);
  void saveSchema(std::int64_t run, const std::string& side, const schema::Table& table);
  // The schemas stored for a run, by document name; empty when none was stored.
  std::map<std::string, schema::Table> loadSchema(std::int64_t run, const std::string& side);

  void setDocument(std::int64_t run, const std::string& step, const DocumentProgress& progress);
  std::optional<DocumentProgress> document(std::int64_t run, const std::string& step, const std::string& name);
  std::vector<DocumentProgress> documents(std::int64_t run, const std::string& step);

  // Inserts or replaces the chunk's record.
  void addChunk(const Chunk& chunk);
  void removeChunks(std::int64_t run, const std::string& step, const std::string& document);
  std::vector<Chunk> chunks(std::int64_t run, const std::string& step, const std::string& document);
  // The rowids between which extract staged the run's rows of a document (from its chunks), or
  // nullopt when it staged none: a query for one run's rows reads that range, not the whole table.
  std::optional<std::pair<std::int64_t, std::int64_t>> stagedRowids(std::int64_t run, const std::string& document);

 private:
  StageFile& stage_;
};

}  // namespace m2stage::stage
