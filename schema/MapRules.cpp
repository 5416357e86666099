#include "schema/MapRules.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "schema/XmlFile.hpp"

namespace m2stage::schema {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// "catalog_product_flat*" -> ^catalog_product_flat.*$ ; other characters match literally.
std::regex wildcardPattern(const std::string& glob) {
  std::string pattern;
  for (char c : glob) {
    if (c == '*') {
      pattern += ".*";
    } else {
      if (std::string_view("\\^$.|?+()[]{}").find(c) != std::string_view::npos) pattern += '\\';
      pattern += c;
    }
  }
  return std::regex(pattern);
}

std::string normaliseClass(std::string name) {
  if (!name.empty() && name.front() == '\\') name.erase(0, 1);
  return name;
}

std::string fieldPart(const std::string& docField) { return docField.substr(docField.find('.') + 1); }

class MapReader {
 public:
  explicit MapReader(const XmlFile& xml) : xml_(xml) {}

  std::string requiredChild(const pugi::xml_node& node, const char* name) const {
    auto child = node.child(name);
    if (!child) throw InputError(fmt::format("{}: <{}> needs a <{}> element", xml_.where(node), node.name(), name));
    std::string text = trimmedText(child);
    if (text.empty()) throw InputError(fmt::format("{}: <{}> is empty", xml_.where(child), name));
    return text;
  }

  std::string docField(const pugi::xml_node& node, const char* name) const {
    std::string text = requiredChild(node, name);
    static const std::regex shape(R"([^.]+\.[^.]+)");
    if (!std::regex_match(text, shape))
      throw InputError(fmt::format("{}: <{}>{}</{}> must be document.field", xml_.where(node.child(name)), name, text, name));
    return text;
  }

  HandlerSpec handler(const pugi::xml_node& node) const {
    auto handlerNode = node.child("handler");
    if (!handlerNode) throw InputError(fmt::format("{}: <transform> needs a <handler class=\"...\">", xml_.where(node)));
    HandlerSpec spec{normaliseClass(handlerNode.attribute("class").value()), {}, xml_.where(handlerNode)};
    static const std::regex className(R"([0-9a-zA-Z_\\]+)");
    if (!std::regex_match(spec.className, className))
      throw InputError(fmt::format("{}: handler class \"{}\" is not a class name", spec.location,
                                   handlerNode.attribute("class").value()));
    for (auto param : handlerNode.children("param")) {
      std::string name = param.attribute("name").value();
      if (!spec.params.emplace(name, param.attribute("value").value()).second)
        throw InputError(fmt::format("{}: handler param \"{}\" is given twice", xml_.where(param), name));
    }
    return spec;
  }

  void unknown(const pugi::xml_node& node, const char* where) const {
    throw InputError(fmt::format("{}: <{}> is not allowed in {}", xml_.where(node), node.name(), where));
  }

 private:
  const XmlFile& xml_;
};

}  // namespace

MapRules MapRules::load(const std::filesystem::path& path) {
  if (!std::filesystem::is_regular_file(path)) throw InputError(fmt::format("Invalid map filename: {}", path.string()));
  XmlFile xml(path, "map");
  MapReader reader(xml);
  auto root = xml.document().child("map");
  if (!root)
    throw InputError(fmt::format("{}: the root element must be <map>", xml.where(xml.document().document_element())));

  MapRules map;
  map.file_ = path;
  for (Side side : {Side::Source, Side::Destination}) {
    auto sideNode = root.child(sideName(side));
    if (!sideNode) throw InputError(fmt::format("{}: <map> needs a <{}> element", xml.where(root), sideName(side)));
    SideRules& rules = side == Side::Source ? map.source_ : map.destination_;
    bool source = side == Side::Source;
    // A misspelt rules block would otherwise drop its rules silently (upstream's XSD rejects it).
    for (auto child : sideNode.children()) {
      std::string kind = child.name();
      if (child.type() == pugi::node_element && kind != "document_rules" && kind != "field_rules")
        reader.unknown(child, sideName(side));
    }

    for (auto group : sideNode.children("document_rules")) {
      for (auto rule : group.children()) {
        if (rule.type() != pugi::node_element) continue;
        std::string kind = rule.name();
        if (kind == "ignore") {
          std::string document = reader.requiredChild(rule, "document");
          if (document.find('*') != std::string::npos) {
            rules.ignoredDocumentPatterns.push_back(wildcardPattern(document));
          } else {
            rules.ignoredDocuments.push_back(document);
          }
        } else if (kind == "rename" && source) {
          map.documentRenames.emplace_back(reader.requiredChild(rule, "document"), reader.requiredChild(rule, "to"));
        } else {
          reader.unknown(rule, fmt::format("{} document_rules", sideName(side)).c_str());
        }
      }
    }
    for (auto group : sideNode.children("field_rules")) {
      for (auto rule : group.children()) {
        if (rule.type() != pugi::node_element) continue;
        std::string kind = rule.name();
        if (kind == "ignore") {
          if (rule.child("field")) {
            rules.ignoredFields.push_back(reader.docField(rule, "field"));
          } else if (rule.child("datatype")) {
            rules.ignoredDataTypes.push_back(reader.docField(rule, "datatype"));
          } else {
            throw InputError(fmt::format("{}: <ignore> needs <field> or <datatype>", xml.where(rule)));
          }
        } else if (kind == "move" && source) {
          map.fieldMoves.emplace_back(reader.docField(rule, "field"), reader.docField(rule, "to"));
        } else if (kind == "transform") {
          rules.transforms.emplace_back(reader.docField(rule, "field"), reader.handler(rule));
        } else {
          reader.unknown(rule, fmt::format("{} field_rules", sideName(side)).c_str());
        }
      }
    }
  }
  return map;
}

MapRules MapRules::forConfig(const Config& config) {
  auto path = config.fileOption("map_file");
  return path.empty() ? MapRules() : load(path);
}

bool MapRules::isDocumentIgnored(const std::string& document, Side side) const {
  const auto& r = rules(side);
  if (contains(r.ignoredDocuments, document)) return true;
  return std::any_of(r.ignoredDocumentPatterns.begin(), r.ignoredDocumentPatterns.end(),
                     [&](const std::regex& pattern) { return std::regex_match(document, pattern); });
}

std::optional<std::string> MapRules::documentMap(const std::string& document, Side side) const {
  if (isDocumentIgnored(document, side)) return std::nullopt;
  // As upstream, a rename is looked up in both directions whatever the side.
  for (const auto& [from, to] : documentRenames) {
    if (from == document) return to;
    if (to == document) return from;
  }
  return document;
}

bool MapRules::isFieldIgnored(const std::string& document, const std::string& field, Side side) const {
  return contains(rules(side).ignoredFields, document + "." + field);
}

bool MapRules::isDataTypeIgnored(const std::string& document, const std::string& field, Side side) const {
  return contains(rules(side).ignoredDataTypes, document + "." + field);
}

std::optional<std::string> MapRules::fieldMap(const std::string& document, const std::string& field, Side side) const {
  if (isFieldIgnored(document, field, side)) return std::nullopt;
  auto mappedDocument = documentMap(document, side);
  if (!mappedDocument) throw InputError(fmt::format("Document has ambiguous configuration: {}", document));
  std::string key = document + "." + field;
  Side opposite = side == Side::Source ? Side::Destination : Side::Source;
  for (const auto& [from, to] : fieldMoves) {
    const std::string* target = from == key ? &to : (to == key ? &from : nullptr);
    if (!target) continue;
    // As upstream (validateFieldMap): the target must be usable on the opposite side, and the
    // messages name the target.
    std::string targetDocument = target->substr(0, target->find('.'));
    if (isDocumentIgnored(targetDocument, opposite))
      throw InputError(fmt::format("Document has ambiguous configuration: {}", targetDocument));
    if (isFieldIgnored(targetDocument, fieldPart(*target), opposite))
      throw InputError(fmt::format("Field has ambiguous configuration: {}", *target));
    return fieldPart(*target);
  }
  return field;
}

std::vector<HandlerSpec> MapRules::handlers(const std::string& document, const std::string& field, Side side) const {
  std::vector<HandlerSpec> found;
  std::string key = document + "." + field;
  for (const auto& [target, spec] : rules(side).transforms) {
    if (target == key) found.push_back(spec);
  }
  return found;
}

bool MapRules::hasHandlers(const std::string& document, Side side) const {
  std::string prefix = document + ".";
  const auto& transforms = rules(side).transforms;
  return std::any_of(transforms.begin(), transforms.end(),
                     [&](const auto& entry) { return entry.first.starts_with(prefix); });
}

std::vector<std::pair<std::string, HandlerSpec>> MapRules::allHandlers() const {
  auto all = source_.transforms;
  all.insert(all.end(), destination_.transforms.begin(), destination_.transforms.end());
  return all;
}

}  // namespace m2stage::schema
