// How one large document is read by several connections at once: its integer primary key is
// split into ranges ("parts"), and each part is copied in key order by one worker, the way
// mydumper splits a table into chunk jobs. The plan and each part's progress live in the staging
// file (table extract_part), so a resumed run keeps the same ranges whatever --jobs it is given.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stage/StageFile.hpp"

namespace m2stage::extract {

struct DocumentPart {
  std::int64_t number = 0;
  std::optional<std::int64_t> after;  // keys above this one (none: from the first key)
  std::optional<std::int64_t> upTo;   // up to and including this one (none: to the last key)
  bool done = false;
  std::int64_t rows = 0;
  std::optional<std::int64_t> lastRowid;  // the staged row of the part's last committed chunk
};

class DocumentParts {
 public:
  // Creates the extract_part table in files that do not have it yet.
  explicit DocumentParts(stage::StageFile& stage);

  std::vector<DocumentPart> load(std::int64_t run, const std::string& document);
  void create(std::int64_t run, const std::string& document, const std::vector<DocumentPart>& parts);
  // Called inside the transaction that commits the part's chunk.
  void save(std::int64_t run, const std::string& document, const DocumentPart& part);

  // `count` equal ranges over [min, max]; the first and last are open-ended, so rows inserted
  // beyond them before a resumed run's fresh snapshot are read too.
  static std::vector<DocumentPart> plan(std::int64_t min, std::int64_t max, unsigned count);

 private:
  stage::StageFile& stage_;
};

}  // namespace m2stage::extract
