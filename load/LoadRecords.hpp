// What load records beside the chunk table: findings appended as they arise (a resumed load must
// not lose the collisions of its first half, so no replace-all), the staged rows a chunk skipped
// (unique-key collisions under --auto) with the server's warning count, and the content
// verification of each chunk. The two tables are created on first use (CREATE TABLE IF NOT
// EXISTS), so the staging-file format stays version 1.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "audit/Finding.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

struct Verification {
  std::int64_t run = 0;
  std::string document;
  std::optional<std::int64_t> chunk;  // nullopt: the whole table (no usable key)
  std::optional<std::string> keyFrom, keyTo;
  std::int64_t rows = 0;              // staged rows compared (skipped rows excluded)
  std::int64_t loadedRows = 0;        // rows read back from Magento 2 that match a staged key
  std::string stagedChecksum, loadedChecksum;
  std::string result;                 // ok | mismatch | warned
  std::string detail;
};

class LoadRecords {
 public:
  explicit LoadRecords(stage::StageFile& stage);

  // Appends one finding of the load step (call inside the caller's transaction).
  void addFinding(std::int64_t run, const audit::Finding& finding);
  void removeFindings(std::int64_t run, const std::string& document, const std::string& kind);
  std::int64_t countFindings(std::int64_t run, const std::string& document, const std::string& kind);
  // A destination step's checks, in one transaction: forgets the run's earlier findings of each
  // (document, kind), then adds `findings`, each also logged as a warning.
  void replaceFindings(std::int64_t run, const std::vector<std::pair<std::string, std::string>>& documentKinds,
                       const std::vector<audit::Finding>& findings);

  // A chunk's exceptions: staged rowids skipped (collisions) and the server's warning count.
  void setChunkNote(std::int64_t run, const std::string& document, std::int64_t chunk,
                    const std::set<std::int64_t>& skipped, std::int64_t warnings);
  std::set<std::int64_t> skipped(std::int64_t run, const std::string& document, std::int64_t chunk);
  std::int64_t skippedRows(std::int64_t run, const std::string& document);
  std::int64_t warnings(std::int64_t run, const std::string& document, std::int64_t chunk);
  void removeChunkNote(std::int64_t run, const std::string& document, std::int64_t chunk);

  void saveVerification(const Verification& verification);
  void removeVerifications(std::int64_t run, const std::string& document);
  // The stored per-chunk results of a document (chunk, result and detail only).
  std::vector<Verification> verifications(std::int64_t run, const std::string& document);

  // Forgets what load recorded for a document (it is loaded again from its start), or a run.
  // Findings name the Magento 2 table (`target`); the other records the staged document.
  void forgetDocument(std::int64_t run, const std::string& document, const std::string& target);
  void forgetRun(std::int64_t run);

 private:
  stage::StageFile& stage_;
};

}  // namespace m2stage::load
