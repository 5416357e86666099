#include "schema/handlers/EavAttributeBackendTypeForMultiselect.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void EavAttributeBackendTypeForMultiselect::handle(Record& record, const Record&) {
  validate(record);
  if (!productTypeId_) {
    productTypeId_.emplace();
    for (auto& type : environment_.sourceRows("eav_entity_type")) {
      if (type["entity_type_code"] == "catalog_product") {
        *productTypeId_ = type["entity_type_id"];
        break;
      }
    }
  }
  if (record.valueOf("frontend_input") == "multiselect" && *productTypeId_ &&
      php::looseEquals(record.valueOf("entity_type_id"), *productTypeId_))
    record.set(field_, "varchar");
}

}  // namespace m2stage::schema::handlers
