// The official tool's config.xml: where the two databases are, which files hold the maps,
// and the options. Read-only after loading.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace m2stage::schema {

enum class Side { Source, Destination };
const char* sideName(Side side);  // "source" / "destination"

struct DatabaseSettings {
  std::string host;          // host name; empty when a socket is used
  unsigned port = 0;         // 0: the client library's default
  std::string socket;        // unix socket path (a `host` containing '/')
  std::string name;          // schema (database) name
  std::string user;
  std::string password;      // from the XML, the environment, or empty (then the option file decides)
  std::string optionFile;    // MySQL option file to read (attribute option_file)
  std::string optionGroup;   // group in it (attribute option_group, default "client")
  std::string sslCa, sslCert, sslKey;

  // "user@host:port/name" or "user@socket/name": for messages, never with the password.
  std::string describe() const;
};

// One <step> of a <steps mode="..."> block: stage name ("integrity", "data", ...) to class name.
struct Step {
  std::string title;
  std::map<std::string, std::string> stages;
  int line = 0;
};

class Config {
 public:
  // Reads and validates the file. Throws InputError naming the file and line.
  static Config load(const std::filesystem::path& path);

  const std::filesystem::path& file() const { return file_; }
  const DatabaseSettings& database(Side side) const { return side == Side::Source ? source_ : destination_; }
  // The <options>, with crypt_key and destination_crypt_key taken from M2STAGE_CRYPT_KEY and
  // M2STAGE_DESTINATION_CRYPT_KEY when those are set (secrets: never log or store options whole).
  const std::map<std::string, std::string>& options() const { return options_; }
  const std::vector<Step>& steps(const std::string& mode) const;

  // An option's text, or `fallback` when absent or empty.
  std::string option(const std::string& name, const std::string& fallback = "") const;
  // A file option resolved against the config file's folder; empty when the option is absent.
  std::filesystem::path fileOption(const std::string& name) const;

  std::string prefix(Side side) const;
  // Rows per batch: bulk_size as the official tool reads it (0 or absent: 50000 cap, <0: 100).
  unsigned bulkSize() const;
  // The init statements for one side, split on ';'. `SET NAMES utf8` is raised to utf8mb4.
  std::vector<std::string> initStatements(Side side) const;

  // The config file's text with every password attribute and the crypt keys (<crypt_key>,
  // <destination_crypt_key>) blanked: safe to store and show.
  std::string redactedText() const { return redactedText_; }

 private:
  std::filesystem::path file_;
  DatabaseSettings source_, destination_;
  std::map<std::string, std::string> options_;
  std::map<std::string, std::vector<Step>> steps_;
  std::string redactedText_;
};

}  // namespace m2stage::schema
