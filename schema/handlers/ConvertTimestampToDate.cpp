#include "schema/handlers/ConvertTimestampToDate.hpp"

#include <cstdint>
#include <cstdlib>

#include "schema/handlers/CivilTime.hpp"
#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void ConvertTimestampToDate::handle(Record& record, const Record&) {
  validate(record);
  const Value& value = record.get(field_);
  if (!php::truthy(value) || !php::isNumeric(*value) || record.valueOf("frontend_input") != "date") return;
  // DateTime::setTimestamp() takes an int: a fractional string is truncated.
  record.set(field_, formatUtc(static_cast<std::int64_t>(std::strtod(value->c_str(), nullptr))));
}

}  // namespace m2stage::schema::handlers
