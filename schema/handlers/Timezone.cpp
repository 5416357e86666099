#include "schema/handlers/Timezone.hpp"

#include <fmt/format.h>

#include "schema/handlers/CivilTime.hpp"
#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void Timezone::handle(Record& record, const Record&) {
  validate(record);
  const Value& value = record.get(field_);
  if (!php::truthy(value) || offsetHours_ == 0) return;
  std::int64_t shift = static_cast<std::int64_t>(offsetHours_) * 3600;
  if (integerColumn_) return record.set(field_, std::to_string(php::toInt(value) + shift));
  auto time = parseUtc(*value);
  if (!time) {
    if (value->rfind("0000-00-00", 0) == 0) return;
    throw TransformError(fmt::format("Timezone handler cannot read the date {} in {}", *value, field_));
  }
  record.set(field_, formatUtc(*time + shift));
}

}  // namespace m2stage::schema::handlers
