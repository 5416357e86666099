#include "schema/handlers/SettingsCategoryRootId.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void SettingsCategoryRootId::handle(Record& record, const Record&) {
  validate(record);
  const Value& value = record.get(field_);
  if (value && php::looseEquals(*value, "2")) record.set(field_, std::nullopt);
}

}  // namespace m2stage::schema::handlers
