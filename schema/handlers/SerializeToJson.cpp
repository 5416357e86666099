#include "schema/handlers/SerializeToJson.hpp"

#include "schema/handlers/HandlerSupport.hpp"
#include "schema/php/PhpUnserialize.hpp"

namespace m2stage::schema::handlers {

void SerializeToJson::handle(Record& record, const Record&) {
  validate(record);
  const Value& value = record.get(field_);
  if (!value) return record.set(field_, std::nullopt);
  auto result = php::unserialize(*value);
  if (!result.ok()) return brokenData(record, field_, idColumn_, result.error, migrate_, quiet_);
  setJson(record, field_, *result.value, idColumn_);
}

}  // namespace m2stage::schema::handlers
