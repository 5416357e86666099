// An official attribute groups file (eav-attribute-groups.xml): named groups of EAV attributes,
// each given as <attribute type="entity_type_code">attribute_code</attribute>. The EAV step leaves
// out the attributes of the "ignore" group.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace m2stage::schema {

class EavAttributeGroups {
 public:
  // Throws InputError naming the file (and line) when it is missing or malformed.
  static EavAttributeGroups load(const std::filesystem::path& path);

  // (entity_type_code, attribute_code) of a group; empty when the file has no such group.
  std::set<std::pair<std::string, std::string>> group(const std::string& name) const;

 private:
  std::map<std::string, std::set<std::pair<std::string, std::string>>> groups_;
};

}  // namespace m2stage::schema
