// The class map (class-map.xml): Magento 1 class aliases ("catalogrule/rule_condition_combine")
// and the Magento 2 class that replaces each, or none (an empty <to/>). Used by the ClassMap,
// Placeholder, EavAttribute\ConvertModel and Rule\SerializedData handlers.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace m2stage::schema {

class ClassMap {
 public:
  struct Rename {
    std::string from;
    std::optional<std::string> to;  // nullopt: no Magento 2 equivalent
  };

  // Throws InputError naming the file (and line) when it is missing, malformed or has a
  // <rename> without <from>.
  static ClassMap load(const std::filesystem::path& path);
  ClassMap() = default;
  explicit ClassMap(std::vector<Rename> renames);

  // The Magento 2 class for `alias`; "" when the alias is unknown or has no equivalent
  // (upstream returns '' or null, both falsy).
  std::string convert(const std::string& alias) const;
  bool has(const std::string& alias) const { return index_.contains(alias); }
  // All renames in file order (a repeated <from> keeps its first position and the last <to>).
  const std::vector<Rename>& renames() const { return renames_; }

 private:
  std::vector<Rename> renames_;
  std::map<std::string, std::size_t> index_;
};

}  // namespace m2stage::schema
