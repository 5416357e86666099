#include "schema/handlers/SettingsTemplate.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void SettingsTemplate::handle(Record& record, const Record& opposite) {
  validate(record);
  Value value = record.get(field_);
  Value existing = opposite.valueOf(field_);
  if (!(value && php::isNumeric(*value)) && php::truthy(existing)) value = existing;
  record.set(field_, std::move(value));
}

}  // namespace m2stage::schema::handlers
