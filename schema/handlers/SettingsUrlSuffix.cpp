#include "schema/handlers/SettingsUrlSuffix.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void SettingsUrlSuffix::handle(Record& record, const Record&) {
  validate(record);
  Value value = record.get(field_);
  if (php::truthy(value) && value->front() != '.') value = "." + *value;
  record.set(field_, std::move(value));
}

}  // namespace m2stage::schema::handlers
