// An integrity finding: one line of the official tool's integrity output, kept as a row.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stage/StageFile.hpp"

namespace m2stage::audit {

enum class Severity { Error, Warning };

struct Finding {
  std::string kind;      // e.g. "documents_not_mapped", "fields_not_mapped", "data_type_mismatch"
  std::string side;      // "source" | "destination"
  std::string document;  // empty for document-list findings
  std::string fields;    // comma-joined, as in the message
  std::string message;   // the official text, word for word
  Severity severity = Severity::Error;
};

// Stores findings of one run and step (replacing that step's earlier findings).
void saveFindings(stage::StageFile& stage, std::int64_t run, const std::string& step,
                  const std::vector<Finding>& findings);
// Adds findings of one run and step, keeping the earlier ones.
void appendFindings(stage::StageFile& stage, std::int64_t run, const std::string& step,
                    const std::vector<Finding>& findings);

}  // namespace m2stage::audit
