// The rules of an official settings.xml (settings_map_file) for core_config_data, and the
// transform of one core_config_data row under them (upstream Settings\Data):
//  * <key><ignore><path>: the row is left out. A path with `*` is a pattern: `*` matches one or
//    more characters and the pattern is anchored at the start only (as upstream's regexp), so
//    "advanced/modules_disable_output/*" drops every path below it. Other paths match exactly.
//  * <key><rename><path>A</path><to>B</to>: the row's path becomes B in Magento 2.
//  * <value><transform><path>P</path><handler class=...>: the handler runs on the row's `value`,
//    looked up by the Magento 1 path (before any rename), as upstream.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "schema/Config.hpp"
#include "schema/DocumentTransformer.hpp"
#include "schema/Handler.hpp"
#include "schema/MapRules.hpp"
#include "schema/Table.hpp"

namespace m2stage::schema {

class SettingsRules {
 public:
  // Throws InputError naming the file and line (malformed file, unknown handler class).
  static SettingsRules load(const std::filesystem::path& path);
  // The file the config names in <settings_map_file>; InputError when it names none.
  static SettingsRules forConfig(const Config& config);
  // No rules: every path copied as it is.
  SettingsRules() = default;

  bool isIgnored(const std::string& path) const;
  // The Magento 2 path of a Magento 1 path.
  std::string rename(const std::string& path) const;
  // The handler on the value of rows with this Magento 1 path, if any.
  const HandlerSpec* handler(const std::string& path) const;

  const std::filesystem::path& file() const { return file_; }
  std::size_t ruleCount() const { return ignored_.size() + patterns_.size() + renames_.size() + handlers_.size(); }

 private:
  std::filesystem::path file_;
  std::vector<std::string> ignored_;
  std::vector<std::regex> patterns_;
  std::map<std::string, std::string> renames_;
  std::map<std::string, HandlerSpec> handlers_;
};

// Turns Magento 1 core_config_data rows into Magento 2 (scope, scope_id, path, value) rows under
// the rules. config_id is left to Magento 2 (it is merged by scope, scope_id and path), and
// updated_at to the server, as upstream clears both.
class SettingsTransformer {
 public:
  // `source` is the staged core_config_data table (needs scope, scope_id, path and value).
  // Throws InputError for a handler that cannot be built (unknown class, bad params).
  SettingsTransformer(const SettingsRules& rules, const Table& source, HandlerEnvironment* environment);

  static const std::vector<std::string>& outputColumns();

  // nullopt when the path is ignored. Throws TransformError for a row a handler rejects
  // (badValues() then names it).
  std::optional<std::vector<Value>> transform(const std::vector<Value>& sourceRow);
  bool lastRenamed() const { return renamed_; }

  const std::vector<std::string>& warnings() const { return record_.warnings(); }
  const std::vector<DocumentTransformer::BadValue>& badValues() const { return badValues_; }
  // The last row's key: "config_id=12" or "scope=default, scope_id=0, path=a/b".
  std::string rowKey() const;

 private:
  Handler& handlerFor(const std::string& path, const HandlerSpec& spec);

  const SettingsRules& rules_;
  const Table& source_;
  HandlerEnvironment* environment_;
  Record record_;
  Record output_;
  std::size_t scope_, scopeId_, path_, value_;
  std::optional<std::size_t> id_;
  std::map<std::string, std::unique_ptr<Handler>> handlers_;
  std::vector<DocumentTransformer::BadValue> badValues_;
  bool renamed_ = false;
};

}  // namespace m2stage::schema
