// `m2stage extract` (full mode): copies every Magento 1 document the map does not ignore into
// the staging file, chunk by chunk, inside one consistent snapshot, resumably.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <filesystem>
#include <utility>
#include <string>
#include <vector>

#include "audit/AuditTrail.hpp"
#include "extract/DocumentCopier.hpp"
#include "extract/DocumentParts.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Config.hpp"
#include "schema/MapRules.hpp"
#include "schema/Table.hpp"
#include "stage/ProgressListener.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::extract {

struct ExtractOptions {
  bool reset = false;        // -r: start a new run
  bool autoResolve = false;  // -a: missing documents become findings instead of a stop
  unsigned jobs = 1;         // connections reading documents in parallel
  stage::ProgressListener* progress = nullptr;
  std::string mode = "data";  // data | settings: the run's mode; a run is resumed only by the same mode
  // The documents to stage, whatever the map says (settings mode; data mode without a Map step:
  // none). Without it: every document the map carries, and those its handlers look things up in.
  std::optional<std::set<std::string>> documents;
  // Documents staged besides those the map carries (a special step's own tables, e.g. the
  // Customer step's customer tables and eav_attribute), even when the map ignores them.
  std::set<std::string> extraDocuments;
  // Files saved with a new run besides config.xml and map.xml (settings.xml, map-stores.xml).
  std::vector<std::pair<std::string, std::filesystem::path>> configFiles;
};

struct ExtractResult {
  std::int64_t run = 0;
  std::int64_t rows = 0;
  int documents = 0;
};

class Extractor {
 public:
  Extractor(const schema::Config& config, const schema::MapRules& map, stage::StageFile& stage,
            audit::AuditTrail& audit, ExtractOptions options);
  ExtractResult run();

 private:
  // One worker's item: a whole document, or one part of a split one.
  struct Work {
    const schema::Table* table = nullptr;
    std::optional<DocumentPart> part;
    std::shared_ptr<SplitDocument> split;
  };
  // A single integer key and enough rows that several readers beat one.
  bool worthSplitting(const schema::Table& table, std::int64_t estimatedRows) const;
  // The document's work items: its parts (planned now in the reader's snapshot, or as stored by
  // the run being resumed), or the whole document.
  std::vector<Work> planDocument(const schema::Table& table, mariadb::Connection& reader, const std::string& prefix,
                                 std::int64_t run, unsigned jobs, std::int64_t estimatedRows);

  // Change logs and triggers for the deltalog groups, before the snapshot (issue: nothing lost).
  void installChangeCapture(mariadb::Connection& source, const std::map<std::string, schema::Table>& catalog,
                            std::int64_t run, bool reset);

  const schema::Config& config_;
  const schema::MapRules& map_;
  stage::StageFile& stage_;
  audit::AuditTrail& audit_;
  ExtractOptions options_;
};

}  // namespace m2stage::extract
