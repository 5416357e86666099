#include "schema/handlers/GetDestinationValue.hpp"

namespace m2stage::schema::handlers {

void GetDestinationValue::handle(Record& record, const Record& opposite) {
  validate(record);
  Value value = opposite.valueOf(field_);
  if (value || setNullIfEmpty_) record.set(field_, std::move(value));
}

}  // namespace m2stage::schema::handlers
