#include "schema/DocumentGroups.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "schema/XmlFile.hpp"

namespace m2stage::schema {

DocumentGroups DocumentGroups::load(const std::filesystem::path& path) {
  if (!std::filesystem::is_regular_file(path))
    throw InputError(fmt::format("Invalid groups filename: {}", path.string()));
  XmlFile xml(path, "groups");
  auto root = xml.document().child("groups");
  if (!root)
    throw InputError(fmt::format("{}: the root element must be <groups>", xml.where(xml.document().document_element())));
  DocumentGroups groups;
  std::set<std::string> names;
  for (auto group : root.children("group")) {
    std::string name = group.attribute("name").value();
    if (name.empty()) throw InputError(fmt::format("{}: <group> needs a name", xml.where(group)));
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
  }
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
