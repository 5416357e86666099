#include "audit/IntegrityCheck.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace m2stage::audit {

namespace {

using schema::Side;

std::string join(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) {
    if (!joined.empty()) joined += ',';
    joined += item;
  }
  return joined;
}

struct SideResult {
  std::vector<std::string> documentsNotMapped;
  std::vector<std::pair<std::string, std::vector<std::string>>> fieldsNotMapped;  // document -> fields
  std::vector<std::pair<std::string, std::vector<std::string>>> typeMismatches;
};

SideResult checkSide(const schema::MapRules& map, const Catalog& own, const Catalog& other, Side side) {
  SideResult result;
  for (const auto& [name, table] : own) {
    if (map.isDocumentIgnored(name, side)) continue;
    auto mapped = map.documentMap(name, side);
    auto counterpart = mapped ? other.find(*mapped) : other.end();
    if (counterpart == other.end()) {
      result.documentsNotMapped.push_back(name);
      continue;
    }
    std::vector<std::string> notMapped, mismatched;
    for (const auto& column : table.columns) {
      auto field = map.fieldMap(name, column.name, side);
      if (!field) continue;
      const schema::Column* match = counterpart->second.find(*field);
      if (!match) {
        notMapped.push_back(*field);
      } else if (match->dataType != column.dataType && !map.isDataTypeIgnored(name, column.name, side)) {
        mismatched.push_back(column.name);
      }
    }
    if (!notMapped.empty()) result.fieldsNotMapped.emplace_back(name, notMapped);
    if (!mismatched.empty()) result.typeMismatches.emplace_back(name, mismatched);
  }
  return result;
}

}  // namespace

std::vector<Finding> checkIntegrity(const IntegrityInput& input, bool autoResolve) {
  Severity error = autoResolve ? Severity::Warning : Severity::Error;
  std::vector<Finding> findings;
  auto documentList = [&](const std::vector<std::string>& documents, const char* kind, const char* side,
                          const char* text) {
    if (!documents.empty()) findings.push_back({kind, side, "", join(documents), fmt::format("{}: {}", text, join(documents)), error});
  };
  SideResult source = checkSide(input.map, input.source, input.destination, Side::Source);
  SideResult destination = checkSide(input.map, input.destination, input.source, Side::Destination);

  documentList(input.missingSourceDocuments, "documents_missing", "source", "Source documents are missing");
  documentList(input.missingDestinationDocuments, "documents_missing", "destination", "Destination documents are missing");
  documentList(source.documentsNotMapped, "documents_not_mapped", "source", "Source documents are not mapped");
  documentList(destination.documentsNotMapped, "documents_not_mapped", "destination", "Destination documents are not mapped");
  for (auto [result, side, label] : {std::tuple{&source, "source", "Source"}, std::tuple{&destination, "destination", "Destination"}}) {
    for (const auto& [document, fields] : result->fieldsNotMapped) {
      findings.push_back({"fields_not_mapped", side, document, join(fields),
                          fmt::format("{} fields are not mapped. Document: {}. Fields: {}", label, document, join(fields)), error});
    }
  }
  for (auto [result, side, label] : {std::tuple{&source, "source", "Source"}, std::tuple{&destination, "destination", "Destination"}}) {
    for (const auto& [document, fields] : result->typeMismatches) {
      findings.push_back({"data_type_mismatch", side, document, join(fields),
                          fmt::format("Mismatch of data types. {} document: {}. Fields: {}", label, document, join(fields)),
                          Severity::Warning});
    }
  }
  return findings;
}

bool hasErrors(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::Error; });
}

}  // namespace m2stage::audit
