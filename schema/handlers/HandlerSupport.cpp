#include "schema/handlers/HandlerSupport.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "schema/XmlFile.hpp"
#include "schema/php/PhpJson.hpp"

namespace m2stage::schema::handlers {

std::string requiredParam(const HandlerSpec& spec, const std::string& name) {
  auto found = spec.params.find(name);
  if (found == spec.params.end())
    throw InputError(fmt::format("{}: handler {} needs the param \"{}\"", spec.location, spec.className, name));
  return found->second;
}

std::optional<std::string> optionalParam(const HandlerSpec& spec, const std::string& name) {
  auto found = spec.params.find(name);
  if (found == spec.params.end()) return std::nullopt;
  return found->second;
}

HandlerEnvironment& requireEnvironment(const HandlerSpec& spec, const std::string& field, const HandlerContext& context) {
  if (!context.environment)
    throw InputError(fmt::format("{}: handler \\{} (on {}) needs the Magento 1 lookup tables, which are not available here",
                                 spec.location, spec.className, field));
  return *context.environment;
}

std::string idColumn(const Table* table) {
  if (!table) return "";
  auto isPrimary = [&](const Column& column) {
    return std::find(table->primaryKey.begin(), table->primaryKey.end(), column.name) != table->primaryKey.end();
  };
  for (const auto& column : table->columns)
    if (isPrimary(column) && column.autoIncrement) return column.name;
  for (const auto& column : table->columns)
    if (isPrimary(column)) return column.name;
  return "";
}

std::string recordId(const Record& record, const std::string& column) {
  if (column.empty()) return "";
  return record.valueOf(column).value_or("");
}

std::string phpTrim(const std::string& text) {
  static const std::string kSpace(" \t\n\r\0\x0B", 6);
  auto first = text.find_first_not_of(kSpace);
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

std::map<std::string, std::string> parseConvertMap(const HandlerSpec& spec, const std::string& text) {
  std::string body = text;
  while (!body.empty() && body.back() == ']') body.pop_back();  // rtrim(']'), then ltrim('[')
  body.erase(0, std::min(body.find_first_not_of('['), body.size()));
  std::map<std::string, std::string> result;
  std::size_t start = 0;
  while (true) {
    std::size_t end = body.find(';', start);
    std::string pair = phpTrim(body.substr(start, end == std::string::npos ? std::string::npos : end - start));
    auto colon = pair.find(':');
    if (colon == std::string::npos || pair.find(':', colon + 1) != std::string::npos)
      throw InputError(fmt::format("{}: Invalid map provided to convert handler", spec.location));
    result[pair.substr(0, colon)] = pair.substr(colon + 1);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return result;
}

bool isTrueWord(const std::optional<std::string>& param, bool fallback) { return param ? *param == "true" : fallback; }

void setJson(Record& record, const std::string& field, const php::PhpValue& value, const std::string& idColumn) {
  auto json = php::jsonEncode(value);
  if (!json) {
    record.warn(fmt::format("Could not encode data of {}.{} with record id {} as JSON", record.document(), field,
                            recordId(record, idColumn)));
    record.reject(field, "json_encode() failed (invalid UTF-8, INF/NAN or nesting deeper than 512); stored as NULL");
  }
  record.set(field, std::move(json));
}

void brokenData(Record& record, const std::string& field, const std::string& idColumn, const std::string& error,
                bool migrate, bool quiet) {
  std::string message =
      fmt::format("Could not unserialize data of {}.{} with record id {}", record.document(), field, recordId(record, idColumn));
  if (!migrate) throw TransformError(fmt::format("{}: unserialize(): {}", message, error));
  if (!quiet) record.warn(message);
  // A finding even when quiet: suppressWarning silences the log line, not the loss of the value.
  record.reject(field, fmt::format("broken serialized data (unserialize(): {}); stored as NULL", error));
  record.set(field, std::nullopt);
}

}  // namespace m2stage::schema::handlers
