#include "schema/handlers/AddPrefix.hpp"

namespace m2stage::schema::handlers {

void AddPrefix::handle(Record& record, const Record&) {
  validate(record);
  record.set(field_, prefix_ + record.get(field_).value_or(""));
}

}  // namespace m2stage::schema::handlers
