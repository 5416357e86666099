#include "schema/handlers/BundleParentProduct.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void BundleParentProduct::handle(Record& record, const Record&) {
  validate(record);
  auto product = environment_.sourceLookup(document_, parentField_, record.valueOf(parentField_).value_or(""), productField_);
  record.set(field_, product && php::truthy(*product) ? *product : Value("0"));
}

}  // namespace m2stage::schema::handlers
