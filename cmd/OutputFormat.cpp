#include "cmd/OutputFormat.hpp"

#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

#include "stage/StageFile.hpp"

namespace m2stage::cmd {

OutputFormat parseOutputFormat(const std::string& text) {
  if (text == "table") return OutputFormat::Table;
  if (text == "json") return OutputFormat::Json;
  if (text == "csv") return OutputFormat::Csv;
  throw std::invalid_argument("--format must be table, json or csv, not \"" + text + "\"");
}

std::string csvField(const std::optional<std::string>& value) {
  if (!value) return "";
  if (value->find_first_of(",\"\r\n") == std::string::npos) return *value;
  std::string quoted = "\"";
  for (char c : *value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

bool colourWanted() {
  if (!isatty(STDOUT_FILENO)) return false;
  if (const char* noColour = std::getenv("NO_COLOR"); noColour && *noColour) return false;
  const char* term = std::getenv("TERM");
  return !(term && std::string(term) == "dumb");
}

std::string queryText(SQLite::Database& db, const std::string& sql, const Binder& bind) {
  SQLite::Statement query(db, sql);
  if (bind) bind(query);
  if (!query.executeStep() || query.getColumn(0).isNull()) return "";
  return query.getColumn(0).getString();
}

std::string jsonRows(SQLite::Database& db, const std::string& select, const Binder& bind) {
  // Prepare once to learn the column names; the values stay bound parameters.
  SQLite::Statement probe(db, select);
  std::string object;
  for (int i = 0; i < probe.getColumnCount(); ++i) {
    std::string name = probe.getColumnName(i);
    std::string literal = "'";
    for (char c : name) literal += c == '\'' ? std::string("''") : std::string(1, c);
    literal += "'";
    object += (i ? ", " : "") + literal + ", " + stage::StageFile::quote(name);
  }
  return queryText(db, "SELECT COALESCE(json_group_array(json_object(" + object + ")), '[]') FROM (" + select + ")", bind);
}

}  // namespace m2stage::cmd
