#include "schema/EavAttributeGroups.hpp"

#include <fmt/format.h>

#include "schema/XmlFile.hpp"

namespace m2stage::schema {

EavAttributeGroups EavAttributeGroups::load(const std::filesystem::path& path) {
  EavAttributeGroups groups;
  forEachGroup(path, [&](const XmlFile& xml, const pugi::xml_node& group, const std::string& name) {
    auto& attributes = groups.groups_[name];
    for (auto attribute : group.children("attribute")) {
      std::string type = attribute.attribute("type").value();
      std::string code = trimmedText(attribute);
      if (type.empty() || code.empty())
        throw InputError(fmt::format("{}: <attribute> needs a type and an attribute code", xml.where(attribute)));
      attributes.emplace(type, code);
    }
  });
  return groups;
}

std::set<std::pair<std::string, std::string>> EavAttributeGroups::group(const std::string& name) const {
  auto found = groups_.find(name);
  return found == groups_.end() ? std::set<std::pair<std::string, std::string>>{} : found->second;
}

}  // namespace m2stage::schema
