#include "schema/handlers/SetHash.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void SetHash::handle(Record& record, const Record& opposite) {
  validate(record);
  record.set(field_, std::to_string(php::crc32(opposite.valueOf(baseField_).value_or(""))));
}

}  // namespace m2stage::schema::handlers
