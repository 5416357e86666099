// The Map step's integrity check (official AbstractIntegrity): documents and fields that the map
// leaves unmapped on either side, columns the map's handlers need that a table lacks, and
// data-type mismatches, with the official messages in the official order.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "audit/Finding.hpp"
#include "schema/MapRules.hpp"
#include "schema/Table.hpp"

namespace m2stage::audit {

// Tables by unprefixed name.
using Catalog = std::map<std::string, schema::Table>;

struct IntegrityInput {
  const schema::MapRules& map;
  const Catalog& source;
  const Catalog& destination;
  std::vector<std::string> missingSourceDocuments;       // named by the config but absent in Magento 1
  std::vector<std::string> missingDestinationDocuments;  // needed in Magento 2 but absent
};

// Findings in the official output order: missing documents, not-mapped documents, missing fields
// (source, then destination; kind fields_missing), not-mapped fields, type mismatches, one line
// per document. Errors fail the check unless --auto; type mismatches are always warnings. With
// `autoResolve`, every error is reported as a warning.
std::vector<Finding> checkIntegrity(const IntegrityInput& input, bool autoResolve);

// Official messages 1 and 2 alone (`Source documents are missing: a,b`, then `Destination ...`),
// one line per side, errors (warnings with `autoResolve`): for steps that need documents when the
// map is not checked (settings mode, a step list without the Map step). checkIntegrity starts
// with the same lines.
std::vector<Finding> documentsMissing(const std::vector<std::string>& source, const std::vector<std::string>& destination,
                                      bool autoResolve);

bool hasErrors(const std::vector<Finding>& findings);

// An integrity check failed and --auto was not given (exit code 3).
class IntegrityFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace m2stage::audit
