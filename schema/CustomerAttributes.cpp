#include "schema/CustomerAttributes.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "schema/XmlFile.hpp"

namespace m2stage::schema {

namespace {

// <groups><group name="customer_entity"><attribute>firstname</attribute>...: the format of
// customer-attribute-groups.xml (DocumentGroups reads <document> children only).
std::vector<std::pair<std::string, std::vector<std::string>>> readAttributeGroups(const std::filesystem::path& path) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  forEachGroup(path, [&](const XmlFile& xml, const pugi::xml_node& group, const std::string& name) {
    std::vector<std::string> codes;
    for (auto attribute : group.children("attribute")) {
      std::string code = trimmedText(attribute);
      if (code.empty()) throw InputError(fmt::format("{}: <attribute> is empty", xml.where(attribute)));
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
    groups.emplace_back(name, std::move(codes));
  });
  return groups;
}

}  // namespace

CustomerAttributes CustomerAttributes::load(const std::filesystem::path& documentGroupsFile,
                                            const std::filesystem::path& attributeGroupsFile) {
  auto groups = DocumentGroups::load(documentGroupsFile);
  CustomerAttributes result;
  for (const auto& document : groups.group("source_documents")) {
    auto same = std::find_if(result.sourceDocuments_.begin(), result.sourceDocuments_.end(),
                             [&](const auto& d) { return d.name == document.name; });
    if (same == result.sourceDocuments_.end()) result.sourceDocuments_.push_back(document);
    else same->key = document.key;
  }
  for (const auto& type : groups.group("eav_entities")) {
    result.entityTypes_.push_back(type.name);
    for (const auto& document : groups.group(type.name)) result.documentTypes_.emplace_back(document.name, type.name);
  }
  for (const auto& document : result.sourceDocuments_) {
    if (!result.entityTypeOf(document.name))
      throw InputError(fmt::format("{}: source document {} belongs to no entity type of group eav_entities",
                                   documentGroupsFile.string(), document.name));
  }
  result.attributes_ = readAttributeGroups(attributeGroupsFile);
  return result;
}

bool CustomerAttributes::handles(const std::string& document) const {
  return std::any_of(sourceDocuments_.begin(), sourceDocuments_.end(), [&](const auto& d) { return d.name == document; });
}

bool CustomerAttributes::isEntityDocument(const std::string& document) const {
  auto found = std::find_if(sourceDocuments_.begin(), sourceDocuments_.end(), [&](const auto& d) { return d.name == document; });
  return found != sourceDocuments_.end() && found->key == std::vector<std::string>{"entity_id"};
}

std::optional<std::string> CustomerAttributes::entityTypeOf(const std::string& document) const {
  for (const auto& [name, type] : documentTypes_) {
    if (name == document) return type;
  }
  return std::nullopt;
}

std::optional<std::string> CustomerAttributes::entityDocumentOf(const std::string& entityType) const {
  for (const auto& [name, type] : documentTypes_) {
    if (type == entityType && isEntityDocument(name)) return name;
  }
  return std::nullopt;
}

std::vector<std::string> CustomerAttributes::staticAttributes(const std::string& entityDocument) const {
  for (const auto& [name, codes] : attributes_) {
    if (name == entityDocument) return codes;
  }
  return {};
}

std::vector<std::string> CustomerAttributes::entityTypes() const { return entityTypes_; }

}  // namespace m2stage::schema
