#include "schema/Config.hpp"

#include <charconv>
#include <cstdlib>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "schema/XmlFile.hpp"

namespace m2stage::schema {

const char* sideName(Side side) { return side == Side::Source ? "source" : "destination"; }

std::string DatabaseSettings::describe() const {
  std::string where = socket.empty() ? (port ? fmt::format("{}:{}", host, port) : host) : socket;
  return fmt::format("{}@{}/{}", user, where, name);
}

namespace {

const char* passwordVariable(Side side) {
  return side == Side::Source ? "M2STAGE_SOURCE_PASSWORD" : "M2STAGE_DESTINATION_PASSWORD";
}

// The crypt keys (Encrypt handler) and where the environment gives them. Unlike the passwords,
// the environment wins over config.xml, so a key can stay out of a shared file whatever it holds.
struct SecretOption {
  const char* option;
  const char* variable;
};
constexpr SecretOption kSecretOptions[] = {{"crypt_key", "M2STAGE_CRYPT_KEY"},
                                           {"destination_crypt_key", "M2STAGE_DESTINATION_CRYPT_KEY"}};

std::string trimmed(std::string text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

unsigned parsePort(const XmlFile& xml, const pugi::xml_node& node, const std::string& text) {
  unsigned port = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (error != std::errc() || end != text.data() + text.size() || port == 0 || port > 65535)
    throw InputError(fmt::format("{}: port \"{}\" is not a TCP port number", xml.where(node), text));
  return port;
}

DatabaseSettings readDatabase(const XmlFile& xml, const pugi::xml_node& root, Side side) {
  const char* sideTag = sideName(side);
  auto sideNode = root.child(sideTag);
  if (!sideNode) throw InputError(fmt::format("{}: <{}> is missing", xml.where(root), sideTag));
  auto node = sideNode.child("database");
  if (!node)
    throw InputError(fmt::format("{}: <{}> needs a <database .../> element", xml.where(sideNode), sideTag));
  DatabaseSettings db;
  for (const char* required : {"name", "host", "user"}) {
    if (!node.attribute(required))
      throw InputError(fmt::format("{}: <{}><database> needs the attribute {}", xml.where(node), sideTag, required));
  }
  db.name = node.attribute("name").value();
  db.user = node.attribute("user").value();
  std::string host = node.attribute("host").value();
  std::string port = node.attribute("port").value();
  if (host.find('/') != std::string::npos) {
    db.socket = host;
  } else {
    // The official tool also accepts "host:port" in the host attribute.
    if (auto colon = host.rfind(':'); colon != std::string::npos && port.empty()) {
      port = host.substr(colon + 1);
      host.resize(colon);
    }
    db.host = host;
    if (!port.empty()) db.port = parsePort(xml, node, port);
  }
  db.password = node.attribute("password").value();
  if (db.password.empty()) {
    if (const char* fromEnvironment = std::getenv(passwordVariable(side))) db.password = fromEnvironment;
  }
  db.optionFile = node.attribute("option_file").value();
  db.optionGroup = node.attribute("option_group").as_string("client");
  db.sslCa = node.attribute("ssl_ca").value();
  db.sslCert = node.attribute("ssl_cert").value();
  db.sslKey = node.attribute("ssl_key").value();
  return db;
}

std::string redact(pugi::xml_document& document) {
  for (auto side : {"source", "destination"}) {
    for (auto database : document.child("config").child(side).children("database")) {
      if (auto password = database.attribute("password")) password.set_value("");
    }
  }
  for (auto options : document.child("config").children("options")) {
    for (const auto& secret : kSecretOptions) {
      for (auto key : options.children(secret.option)) key.remove_children();
    }
  }
  std::ostringstream out;
  document.save(out, "  ");
  return out.str();
}

}  // namespace

Config Config::load(const std::filesystem::path& path) {
  if (!std::filesystem::is_regular_file(path))
    throw InputError(fmt::format("Invalid config filename: {}", path.string()));
  XmlFile xml(path, "config");
  auto root = xml.document().child("config");
  if (!root)
    throw InputError(fmt::format("{}: the root element must be <config>", xml.where(xml.document().document_element())));

  Config config;
  config.file_ = std::filesystem::absolute(path);
  config.source_ = readDatabase(xml, root, Side::Source);
  config.destination_ = readDatabase(xml, root, Side::Destination);

  for (auto option : root.child("options").children()) {
    if (option.type() == pugi::node_element) config.options_[option.name()] = trimmedText(option);
  }
  for (const auto& secret : kSecretOptions) {
    const char* fromEnvironment = std::getenv(secret.variable);
    if (std::string value = trimmed(fromEnvironment ? fromEnvironment : ""); !value.empty())
      config.options_[secret.option] = value;
  }
  if (auto bulk = config.options_.find("bulk_size"); bulk != config.options_.end() && !bulk->second.empty()) {
    int value = 0;
    auto [end, error] = std::from_chars(bulk->second.data(), bulk->second.data() + bulk->second.size(), value);
    if (error != std::errc() || end != bulk->second.data() + bulk->second.size())
      throw InputError(fmt::format("{}: bulk_size \"{}\" is not a whole number",
                                   xml.where(root.child("options").child("bulk_size")), bulk->second));
  }

  static const std::regex className(R"([a-zA-Z\\][a-zA-Z0-9_\\]+)");
  for (auto steps : root.children("steps")) {
    std::string mode = steps.attribute("mode").value();
    auto& list = config.steps_[mode];
    for (auto stepNode : steps.children("step")) {
      Step step{stepNode.attribute("title").value(), {}, xml.lineOf(stepNode)};
      for (auto stage : stepNode.children()) {
        if (stage.type() != pugi::node_element) continue;
        std::string cls = trimmedText(stage);
        if (!std::regex_match(cls, className))
          throw InputError(fmt::format("{}: \"{}\" is not a class name", xml.where(stage), cls));
        step.stages[stage.name()] = cls;
      }
      // Steps with the same title merge; a later stage of the same name wins (as upstream).
      auto same = std::find_if(list.begin(), list.end(), [&](const Step& s) { return s.title == step.title; });
      if (same == list.end()) {
        list.push_back(std::move(step));
      } else {
        for (auto& [stage, cls] : step.stages) same->stages[stage] = cls;
      }
    }
  }

  pugi::xml_document copy;
  copy.reset(xml.document());
  config.redactedText_ = redact(copy);
  return config;
}

const std::vector<Step>& Config::steps(const std::string& mode) const {
  static const std::vector<Step> none;
  auto found = steps_.find(mode);
  return found == steps_.end() ? none : found->second;
}

std::string Config::option(const std::string& name, const std::string& fallback) const {
  auto found = options_.find(name);
  return found == options_.end() || found->second.empty() ? fallback : found->second;
}

std::filesystem::path Config::fileOption(const std::string& name) const {
  std::string value = option(name);
  if (value.empty()) return {};
  std::filesystem::path path(value);
  return path.is_absolute() ? path : file_.parent_path() / path;
}

std::string Config::prefix(Side side) const {
  return option(side == Side::Source ? "source_prefix" : "dest_prefix");
}

unsigned Config::bulkSize() const {
  int value = std::atoi(option("bulk_size", "0").c_str());
  if (value < 0) return 100;
  if (value == 0 || value > 50000) return 50000;
  return static_cast<unsigned>(value);
}

std::vector<std::string> Config::initStatements(Side side) const {
  std::string text = option(side == Side::Source ? "init_statements_source" : "init_statements_destination");
  std::vector<std::string> statements;
  std::istringstream in(text);
  std::string part;
  static const std::regex setNamesUtf8(R"(^\s*SET\s+NAMES\s+'?utf8(mb3)?'?\s*$)", std::regex::icase);
  while (std::getline(in, part, ';')) {
    auto first = part.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) continue;
    part = part.substr(first, part.find_last_not_of(" \t\r\n") - first + 1);
    // utf8 (3-byte) would mangle 4-byte characters; m2stage always talks utf8mb4.
    if (std::regex_match(part, setNamesUtf8)) part = "SET NAMES utf8mb4";
    statements.push_back(part);
  }
  return statements;
}

}  // namespace m2stage::schema
