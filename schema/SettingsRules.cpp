#include "schema/SettingsRules.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "schema/XmlFile.hpp"

namespace m2stage::schema {

namespace {

// "a/b/*" -> ^a/b/.+ (anchored at the start only, as upstream's preg_match).
std::regex pathPattern(const std::string& glob) {
  std::string pattern = "^";
  for (char c : glob) {
    if (c == '*') {
      pattern += ".+";
    } else {
      if (std::string_view("\\^$.|?+()[]{}").find(c) != std::string_view::npos) pattern += '\\';
      pattern += c;
    }
  }
  return std::regex(pattern);
}

std::string requiredPath(const XmlFile& xml, const pugi::xml_node& node, const char* name, bool wildcard) {
  auto child = node.child(name);
  if (!child) throw InputError(fmt::format("{}: <{}> needs a <{}> element", xml.where(node), node.name(), name));
  std::string text = trimmedText(child);
  static const std::regex plain(R"([0-9a-zA-Z_/\\]+)"), withWildcard(R"([0-9a-zA-Z_/\\*]+)");
  if (!std::regex_match(text, wildcard ? withWildcard : plain))
    throw InputError(fmt::format("{}: <{}>{}</{}> is not a config path", xml.where(child), name, text, name));
  return text;
}

std::size_t columnIndex(const Table& table, const std::string& column) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].name == column) return i;
  }
  throw InputError(fmt::format("Source fields are missing. Document: {}. Fields: {}", table.name, column));
}

}  // namespace

SettingsRules SettingsRules::load(const std::filesystem::path& path) {
  if (!std::filesystem::is_regular_file(path)) throw InputError(fmt::format("Invalid settings filename: {}", path.string()));
  XmlFile xml(path, "settings");
  auto root = xml.document().child("settings");
  if (!root)
    throw InputError(fmt::format("{}: the root element must be <settings>", xml.where(xml.document().document_element())));
  SettingsRules rules;
  rules.file_ = path;
  for (auto child : root.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string kind = child.name();
    if (kind != "key" && kind != "value")
      throw InputError(fmt::format("{}: <{}> is not allowed in <settings>", xml.where(child), kind));
  }
  for (auto key : root.children("key")) {
    for (auto rule : key.children()) {
      if (rule.type() != pugi::node_element) continue;
      std::string kind = rule.name();
      if (kind == "ignore") {
        std::string ignored = requiredPath(xml, rule, "path", true);
        if (ignored.find('*') != std::string::npos) {
          rules.patterns_.push_back(pathPattern(ignored));
        } else {
          rules.ignored_.push_back(ignored);
        }
      } else if (kind == "rename") {
        rules.renames_[requiredPath(xml, rule, "path", false)] = requiredPath(xml, rule, "to", false);
      } else {
        throw InputError(fmt::format("{}: <{}> is not allowed in <key>", xml.where(rule), kind));
      }
    }
  }
  for (auto value : root.children("value")) {
    for (auto rule : value.children()) {
      if (rule.type() != pugi::node_element) continue;
      if (std::string(rule.name()) != "transform")
        throw InputError(fmt::format("{}: <{}> is not allowed in <value>", xml.where(rule), rule.name()));
      std::string configPath = requiredPath(xml, rule, "path", false);
      auto handlerNode = rule.child("handler");
      if (!handlerNode) throw InputError(fmt::format("{}: <transform> needs a <handler class=\"...\">", xml.where(rule)));
      std::string className = handlerNode.attribute("class").value();
      HandlerSpec spec{className.starts_with('\\') ? className.substr(1) : className, {}, xml.where(handlerNode)};
      if (!isKnownHandler(spec.className))
        throw InputError(fmt::format("{}: unknown handler class \\{} (on {})", spec.location, spec.className, configPath));
      for (auto param : handlerNode.children("param")) {
        std::string name = param.attribute("name").value();
        if (!spec.params.emplace(name, param.attribute("value").value()).second)
          throw InputError(fmt::format("{}: handler param \"{}\" is given twice", xml.where(param), name));
      }
      rules.handlers_[configPath] = std::move(spec);  // a later rule for the same path wins
    }
  }
  return rules;
}

SettingsRules SettingsRules::forConfig(const Config& config) {
  auto path = config.fileOption("settings_map_file");
  if (path.empty())
    throw InputError(fmt::format("{}: settings mode needs <settings_map_file> in <options> (m2stage ships "
                                 "schema/maps/ce-1.9-to-2.4/settings.xml)",
                                 config.file().string()));
  return load(path);
}

bool SettingsRules::isIgnored(const std::string& path) const {
  if (std::find(ignored_.begin(), ignored_.end(), path) != ignored_.end()) return true;
  return std::any_of(patterns_.begin(), patterns_.end(), [&](const std::regex& pattern) { return std::regex_search(path, pattern); });
}

std::string SettingsRules::rename(const std::string& path) const {
  auto found = renames_.find(path);
  return found == renames_.end() ? path : found->second;
}

const HandlerSpec* SettingsRules::handler(const std::string& path) const {
  auto found = handlers_.find(path);
  return found == handlers_.end() ? nullptr : &found->second;
}

SettingsTransformer::SettingsTransformer(const SettingsRules& rules, const Table& source, HandlerEnvironment* environment)
    : rules_(rules), source_(source), environment_(environment), record_(source.name, source.columnNames()),
      output_(source.name, outputColumns()), scope_(columnIndex(source, "scope")),
      scopeId_(columnIndex(source, "scope_id")), path_(columnIndex(source, "path")), value_(columnIndex(source, "value")) {
  if (source.find("config_id")) id_ = columnIndex(source, "config_id");
}

const std::vector<std::string>& SettingsTransformer::outputColumns() {
  static const std::vector<std::string> columns = {"scope", "scope_id", "path", "value"};
  return columns;
}

Handler& SettingsTransformer::handlerFor(const std::string& path, const HandlerSpec& spec) {
  auto& handler = handlers_[path];
  if (!handler) handler = makeHandler(spec, "value", HandlerContext{&source_, environment_});
  return *handler;
}

std::optional<std::vector<Value>> SettingsTransformer::transform(const std::vector<Value>& sourceRow) {
  badValues_.clear();
  renamed_ = false;
  record_.assignAll(sourceRow);
  std::string path = sourceRow[path_].value_or("");
  if (rules_.isIgnored(path)) return std::nullopt;
  std::string target = rules_.rename(path);
  renamed_ = target != path;
  if (const HandlerSpec* spec = rules_.handler(path)) {
    Handler& handler = handlerFor(path, *spec);
    output_.assignAll({sourceRow[scope_], sourceRow[scopeId_], target, sourceRow[value_]});
    try {
      handler.handle(record_, output_);
    } catch (const TransformError& error) {
      badValues_.push_back({Side::Source, source_.name, "value", error.what(), true});
      throw;
    }
    for (const auto& rejection : record_.rejections())
      badValues_.push_back({Side::Source, source_.name, rejection.field, rejection.reason, false});
  }
  return std::vector<Value>{sourceRow[scope_], sourceRow[scopeId_], target, record_.values()[value_]};
}

std::string SettingsTransformer::rowKey() const {
  const auto& values = record_.values();
  auto text = [](const Value& value) { return value ? *value : std::string("NULL"); };
  if (id_) return fmt::format("config_id={}", text(values[*id_]));
  return fmt::format("scope={}, scope_id={}, path={}", text(values[scope_]), text(values[scopeId_]), text(values[path_]));
}

}  // namespace m2stage::schema
