#include "schema/handlers/EavAttributeConvertModel.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void EavAttributeConvertModel::handle(Record& record, const Record& opposite) {
  validate(record);
  Value source = record.get(field_);
  Value destination = opposite.valueOf(field_);
  std::string converted = source ? classMap_.convert(*source) : "";
  if (!php::truthy(source) && php::truthy(destination)) {
    record.set(field_, std::move(destination));
  } else if (!php::truthy(source) || converted.empty() || converted == "0") {
    record.set(field_, std::nullopt);
  } else {
    record.set(field_, std::move(converted));
  }
}

}  // namespace m2stage::schema::handlers
