#include "schema/handlers/ClassMapHandler.hpp"

namespace m2stage::schema::handlers {

void ClassMapHandler::handle(Record& record, const Record&) {
  validate(record);
  const Value& value = record.get(field_);
  std::string converted = value ? classMap_.convert(*value) : "";
  record.set(field_, converted.empty() ? Value{} : Value(converted));
}

}  // namespace m2stage::schema::handlers
