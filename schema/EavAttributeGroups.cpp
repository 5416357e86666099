#include "schema/EavAttributeGroups.hpp"

#include <fmt/format.h>

#include "schema/XmlFile.hpp"

namespace m2stage::schema {

EavAttributeGroups EavAttributeGroups::load(const std::filesystem::path& path) {
  if (!std::filesystem::is_regular_file(path))
    throw InputError(fmt::format("Invalid groups filename: {}", path.string()));
  XmlFile xml(path, "groups");
  auto root = xml.document().child("groups");
  if (!root)
    throw InputError(fmt::format("{}: the root element must be <groups>", xml.where(xml.document().document_element())));
  EavAttributeGroups groups;
  for (auto group : root.children("group")) {
    std::string name = group.attribute("name").value();
    if (name.empty()) throw InputError(fmt::format("{}: <group> needs a name", xml.where(group)));
    auto& attributes = groups.groups_[name];
    for (auto attribute : group.children("attribute")) {
      std::string type = attribute.attribute("type").value();
      std::string code = trimmedText(attribute);
      if (type.empty() || code.empty())
        throw InputError(fmt::format("{}: <attribute> needs a type and an attribute code", xml.where(attribute)));
      attributes.emplace(type, code);
    }
  }
  return groups;
}

std::set<std::pair<std::string, std::string>> EavAttributeGroups::group(const std::string& name) const {
  auto found = groups_.find(name);
  return found == groups_.end() ? std::set<std::pair<std::string, std::string>>{} : found->second;
}

}  // namespace m2stage::schema
