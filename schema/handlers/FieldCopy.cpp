#include "schema/handlers/FieldCopy.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void FieldCopy::handle(Record& record, const Record&) {
  validate(record);
  Value value = record.valueOf(from_);
  if (php::truthy(value)) record.set(field_, std::move(value));
}

}  // namespace m2stage::schema::handlers
