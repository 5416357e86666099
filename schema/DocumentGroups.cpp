#include "schema/DocumentGroups.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "schema/XmlFile.hpp"

namespace m2stage::schema {

DocumentGroups DocumentGroups::load(const std::filesystem::path& path) {
  DocumentGroups groups;
  std::set<std::string> names;
  forEachGroup(path, [&](const XmlFile& xml, const pugi::xml_node& group, const std::string& name) {
    if (!names.insert(name).second) throw InputError(fmt::format("{}: group \"{}\" is defined twice", xml.where(group), name));
    for (auto document : group.children("document")) {
      GroupDocument entry{name, trimmedText(document), {}};
      if (entry.name.empty()) throw InputError(fmt::format("{}: <document> is empty", xml.where(document)));
      std::istringstream keys(document.attribute("key").value());
      for (std::string key; std::getline(keys, key, ',');) {
        if (!key.empty()) entry.key.push_back(key);
      }
      groups.documents_.push_back(std::move(entry));
    }
  });
  return groups;
}

std::vector<GroupDocument> DocumentGroups::group(const std::string& name) const {
  std::vector<GroupDocument> found;
  std::copy_if(documents_.begin(), documents_.end(), std::back_inserter(found),
               [&](const GroupDocument& document) { return document.group == name; });
  return found;
}

std::vector<GroupDocument> DocumentGroups::flattened() const {
  std::vector<GroupDocument> result;
  for (const auto& document : documents_) {
    auto same = std::find_if(result.begin(), result.end(), [&](const auto& d) { return d.name == document.name; });
    if (same == result.end()) {
      result.push_back(document);
    } else {
      same->key = document.key;
    }
  }
  return result;
}

}  // namespace m2stage::schema
