#include "schema/handlers/SerializeToJsonConvertWithConditions.hpp"

#include <cctype>

#include <fmt/format.h>

#include "schema/XmlFile.hpp"
#include "schema/handlers/HandlerSupport.hpp"
#include "schema/php/PhpUnserialize.hpp"

namespace m2stage::schema::handlers {

std::regex SerializeToJsonConvertWithConditions::compilePcre(const std::string& pcre, const std::string& location) {
  auto invalid = [&](const std::string& why) {
    return InputError(fmt::format("{}: conditionalFieldValuesPattern {} {}", location, pcre, why));
  };
  if (pcre.size() < 2 || std::isalnum(static_cast<unsigned char>(pcre[0])) || pcre[0] == '\\')
    throw invalid("has no delimiter");
  char close = pcre[0] == '(' ? ')' : pcre[0] == '{' ? '}' : pcre[0] == '[' ? ']' : pcre[0] == '<' ? '>' : pcre[0];
  auto end = pcre.rfind(close);
  if (end == 0 || end == std::string::npos) throw invalid("has no closing delimiter");
  auto flags = std::regex::ECMAScript;
  for (char flag : pcre.substr(end + 1)) {
    if (flag == 'i') {
      flags |= std::regex::icase;
    } else if (flag != 'u' && flag != 'D' && flag != 'S') {
      throw invalid(fmt::format("uses the modifier {}, which m2stage does not support", flag));
    }
  }
  try {
    return std::regex(pcre.substr(1, end - 1), flags);
  } catch (const std::regex_error& error) {
    throw invalid(fmt::format("is not a valid regular expression ({})", error.what()));
  }
}

void SerializeToJsonConvertWithConditions::handle(Record& record, const Record&) {
  validate(record);
  Value condition = record.valueOf(conditionalField_);
  if (!conditionalField_.empty() && !condition)
    throw TransformError(fmt::format("Conditional field {} not found in the record.", conditionalField_));
  const Value& value = record.get(field_);
  if (!value || !std::regex_search(condition.value_or(""), pattern_)) return record.set(field_, value);
  auto result = php::unserialize(*value);
  if (!result.ok()) return brokenData(record, field_, idColumn_, result.error, ignoreBrokenData_, false);
  setJson(record, field_, *result.value, idColumn_);
}

}  // namespace m2stage::schema::handlers
