#include "audit/IntegrityCheck.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <tuple>

#include <fmt/format.h>

#include "schema/Handler.hpp"
#include "schema/XmlFile.hpp"

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

// Handlers are built only to ask which columns they read: lookups answer nothing, and nothing
// they would add goes anywhere. (No handler looks anything up while it is built.)
class SchemaOnlyEnvironment : public schema::HandlerEnvironment {
 public:
  std::vector<schema::Row> sourceRows(const std::string&) override { return {}; }
  std::optional<schema::Value> sourceLookup(const std::string&, const std::string&, const std::string&,
                                            const std::string&) override {
    return std::nullopt;
  }
  void addDestinationRow(const std::string&, const std::vector<std::string>&, std::vector<schema::Value>) override {}
  const schema::ClassMap& classMap() override { return classMap_; }
  std::string option(const std::string&) override { return ""; }

 private:
  schema::ClassMap classMap_;
};

// Fields per document, in the order first named, each once; `needed` marks a document where a
// handler reads a column it lacks (an error), as opposed to a <transform> on an absent field only.
class FieldLists {
 public:
  struct Fields {
    std::vector<std::string> names;
    bool needed = false;
  };
  void add(const std::string& document, const std::string& field, bool needed) {
    auto& fields = lists_[document];
    if (std::find(fields.names.begin(), fields.names.end(), field) == fields.names.end()) fields.names.push_back(field);
    fields.needed = fields.needed || needed;
  }
  const std::map<std::string, Fields>& byDocument() const { return lists_; }

 private:
  std::map<std::string, Fields> lists_;
};

struct MissingFields {
  FieldLists source, destination;
};

// Columns the map's handlers need that their tables lack (official messages 5 and 6): the columns
// a handler reads besides its field (a param such as fieldCopy or baseField, or a fixed column
// such as attribute_id), which would read as NULL on every row; and the field a <transform>
// names. Upstream skips a <transform> on an absent field without a word, and the official
// opensource map has some (Commerce's gift_cards), so those alone make a warning, not an error.
// Only documents that will be transformed count: not ignored, with a counterpart on the other
// side. Handlers that cannot be built (unknown class, bad params) are left to transform.
MissingFields missingFields(const schema::MapRules& map, const Catalog& source, const Catalog& destination) {
  MissingFields missing;
  SchemaOnlyEnvironment environment;
  // The table a document is transformed against on `side`, and its counterpart; null when none.
  auto transformed = [&](const std::string& document, Side side) -> std::pair<const schema::Table*, const schema::Table*> {
    const Catalog& own = side == Side::Source ? source : destination;
    const Catalog& other = side == Side::Source ? destination : source;
    auto table = own.find(document);
    if (table == own.end() || map.isDocumentIgnored(document, side)) return {nullptr, nullptr};
    auto mapped = map.documentMap(document, side);
    auto counterpart = mapped ? other.find(*mapped) : other.end();
    if (counterpart == other.end()) return {nullptr, nullptr};
    return {&table->second, &counterpart->second};
  };
  for (Side side : {Side::Source, Side::Destination}) {
    const Catalog& own = side == Side::Source ? source : destination;
    FieldLists& ownList = side == Side::Source ? missing.source : missing.destination;
    for (const auto& [name, table] : own) {
      if (!map.hasHandlers(name, side)) continue;
      auto [self, counterpart] = transformed(name, side);
      if (!self) continue;
      // The opposite record is the destination record on both sides.
      const schema::Table& opposite = side == Side::Source ? *counterpart : *self;
      for (const auto& column : table.columns) {
        for (const auto& spec : map.handlers(name, column.name, side)) {
          std::unique_ptr<schema::Handler> handler;
          try {
            handler = schema::makeHandler(spec, column.name, schema::HandlerContext{self, &environment});
          } catch (const schema::InputError&) {
            continue;
          }
          for (const auto& use : handler->columnsRead()) {
            const schema::Table& owner = use.opposite ? opposite : *self;
            if (owner.has(use.name)) continue;
            (&owner == self ? ownList : missing.destination).add(owner.name, use.name, true);
          }
        }
      }
    }
  }
  // <transform> rules on a field the document does not have (never built above).
  for (const auto& [target, spec] : map.allHandlers()) {
    auto dot = target.find('.');
    if (dot == std::string::npos) continue;
    std::string document = target.substr(0, dot), field = target.substr(dot + 1);
    for (Side side : {Side::Source, Side::Destination}) {
      if (map.handlers(document, field, side).empty()) continue;
      auto [self, counterpart] = transformed(document, side);
      if (self && !self->has(field))
        (side == Side::Source ? missing.source : missing.destination).add(document, field, false);
    }
  }
  return missing;
}

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

// One line listing documents (official messages 1 to 4), when there are any.
void addDocumentList(std::vector<Finding>& findings, const std::vector<std::string>& documents, const char* kind,
                     const char* side, const char* text, Severity severity) {
  if (!documents.empty())
    findings.push_back({kind, side, "", join(documents), fmt::format("{}: {}", text, join(documents)), severity});
}

}  // namespace

std::vector<Finding> documentsMissing(const std::vector<std::string>& source, const std::vector<std::string>& destination,
                                      bool autoResolve) {
  Severity error = autoResolve ? Severity::Warning : Severity::Error;
  std::vector<Finding> findings;
  addDocumentList(findings, source, "documents_missing", "source", "Source documents are missing", error);
  addDocumentList(findings, destination, "documents_missing", "destination", "Destination documents are missing", error);
  return findings;
}

std::vector<Finding> checkIntegrity(const IntegrityInput& input, bool autoResolve) {
  Severity error = autoResolve ? Severity::Warning : Severity::Error;
  std::vector<Finding> findings = documentsMissing(input.missingSourceDocuments, input.missingDestinationDocuments, autoResolve);
  auto documentList = [&](const std::vector<std::string>& documents, const char* kind, const char* side,
                          const char* text) { addDocumentList(findings, documents, kind, side, text, error); };
  SideResult source = checkSide(input.map, input.source, input.destination, Side::Source);
  SideResult destination = checkSide(input.map, input.destination, input.source, Side::Destination);

  documentList(source.documentsNotMapped, "documents_not_mapped", "source", "Source documents are not mapped");
  documentList(destination.documentsNotMapped, "documents_not_mapped", "destination", "Destination documents are not mapped");
  MissingFields missing = missingFields(input.map, input.source, input.destination);
  for (auto [lists, side, label] : {std::tuple{&missing.source, "source", "Source"},
                                    std::tuple{&missing.destination, "destination", "Destination"}}) {
    for (const auto& [document, fields] : lists->byDocument()) {
      findings.push_back({"fields_missing", side, document, join(fields.names),
                          fmt::format("{} fields are missing. Document: {}. Fields: {}", label, document, join(fields.names)),
                          fields.needed ? error : Severity::Warning});
    }
  }
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
