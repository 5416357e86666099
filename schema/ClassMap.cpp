#include "schema/ClassMap.hpp"

#include <fmt/format.h>

#include "schema/XmlFile.hpp"

namespace m2stage::schema {

ClassMap::ClassMap(std::vector<Rename> renames) {
  for (auto& rename : renames) {
    auto [found, inserted] = index_.emplace(rename.from, renames_.size());
    if (inserted) {
      renames_.push_back(std::move(rename));
    } else {
      renames_[found->second].to = std::move(rename.to);  // PHP array assignment keeps the position
    }
  }
}

ClassMap ClassMap::load(const std::filesystem::path& path) {
  XmlFile file(path, "class map");
  auto root = file.document().child("classmap");
  if (!root) throw InputError(fmt::format("{}: class map file has no <classmap> element", path.string()));
  std::vector<Rename> renames;
  for (auto rename : root.children()) {
    if (rename.type() != pugi::node_element) continue;
    // Upstream reads node values verbatim (no trimming); an empty <to/> means "no equivalent".
    auto from = rename.child("from");
    if (!from || std::string(from.child_value()).empty())
      throw InputError(fmt::format("{}: <{}> needs a non-empty <from>", file.where(rename), rename.name()));
    std::string to = rename.child("to").child_value();
    renames.push_back({from.child_value(), to.empty() ? std::nullopt : std::optional<std::string>(to)});
  }
  return ClassMap(std::move(renames));
}

std::string ClassMap::convert(const std::string& alias) const {
  auto found = index_.find(alias);
  if (found == index_.end()) return "";
  return renames_[found->second].to.value_or("");
}

}  // namespace m2stage::schema
