// A finding: one line of the official tool's integrity output (or a data, volume or load
// problem), kept as a row of the staging file's `finding` table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "schema/DocumentTransformer.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::audit {

enum class Severity { Error, Warning };

struct Finding {
  std::string kind;      // e.g. "documents_not_mapped", "fields_missing", "data_incompatibility"
  std::string side;      // "source" | "destination"
  std::string document;  // empty for document-list findings
  std::string fields;    // comma-joined, as in the message
  std::string message;   // the official text, word for word
  Severity severity = Severity::Error;
};

// A value a handler could not take, with the row's key (official messages 11 and 12).
inline constexpr const char* kDataIncompatibility = "data_incompatibility";
// The official message 11 or 12 for a value a handler could not take, with the row's key.
Finding dataIncompatibility(const schema::DocumentTransformer::BadValue& bad, const std::string& key);

// Stores findings of one run and step, replacing that step's earlier findings except those of
// the kinds in `keepKinds`.
void saveFindings(stage::StageFile& stage, std::int64_t run, const std::string& step,
                  const std::vector<Finding>& findings, const std::vector<std::string>& keepKinds = {});
// Adds findings of one run and step, keeping the earlier ones: one prepared INSERT for all, in
// the caller's transaction (transform passes a chunk's findings with the chunk).
void appendFindings(stage::StageFile& stage, std::int64_t run, const std::string& step,
                    const std::vector<Finding>& findings);

}  // namespace m2stage::audit
