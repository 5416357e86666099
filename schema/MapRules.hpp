// The rules of an official map.xml: which documents and fields are ignored, renamed (moved),
// and which handlers transform a field. Names are unprefixed table names, as in the map file.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "schema/Config.hpp"

namespace m2stage::schema {

struct HandlerSpec {
  std::string className;                      // normalised: no leading backslash
  std::map<std::string, std::string> params;  // <param name=... value=...>
  std::string location;                       // "map.xml:123", for messages
};

class MapRules {
 public:
  // Throws InputError naming file, line and element.
  static MapRules load(const std::filesystem::path& path);
  // The map a config names in <map_file>, or the empty map when it names none.
  static MapRules forConfig(const Config& config);
  // The empty map: every document and field maps to itself.
  MapRules() = default;

  bool isDocumentIgnored(const std::string& document, Side side) const;
  // The document's name on the other side, or nullopt when it is ignored on `side`.
  std::optional<std::string> documentMap(const std::string& document, Side side) const;

  bool isFieldIgnored(const std::string& document, const std::string& field, Side side) const;
  bool isDataTypeIgnored(const std::string& document, const std::string& field, Side side) const;
  // The field's name on the other side, or nullopt when it is ignored on `side`.
  // Throws InputError for the official "ambiguous configuration" cases.
  std::optional<std::string> fieldMap(const std::string& document, const std::string& field, Side side) const;

  // Transform handlers on one field, in file order.
  std::vector<HandlerSpec> handlers(const std::string& document, const std::string& field, Side side) const;
  bool hasHandlers(const std::string& document, Side side) const;
  // Every handler spec of the map (for validating class names up front).
  std::vector<std::pair<std::string, HandlerSpec>> allHandlers() const;

  const std::filesystem::path& file() const { return file_; }

 private:
  struct SideRules {
    std::vector<std::string> ignoredDocuments;
    std::vector<std::regex> ignoredDocumentPatterns;
    std::vector<std::string> ignoredFields;     // "doc.field"
    std::vector<std::string> ignoredDataTypes;  // "doc.field"
    std::vector<std::pair<std::string, HandlerSpec>> transforms;  // "doc.field" -> handler
  };
  const SideRules& rules(Side side) const { return side == Side::Source ? source_ : destination_; }

  std::filesystem::path file_;
  SideRules source_, destination_;
  std::vector<std::pair<std::string, std::string>> documentRenames;  // source side: from, to
  std::vector<std::pair<std::string, std::string>> fieldMoves;       // "doc.field" -> "doc.field"
};

}  // namespace m2stage::schema
