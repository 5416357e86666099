#include "schema/handlers/EavAttributeApplyTo.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void EavAttributeApplyTo::handle(Record& record, const Record& opposite) {
  validate(record);
  Value id = record.valueOf("attribute_id");
  bool userDefined = false;
  if (!php::truthy(opposite.valueOf("attribute_id"))) {
    if (!attributes_) attributes_ = environment_.sourceRows("eav_attribute");
    for (auto& attribute : *attributes_) {
      if (php::looseEquals(attribute["attribute_id"], id) && php::truthy(attribute["is_user_defined"])) {
        userDefined = true;
        break;
      }
    }
  }
  record.set(field_, userDefined ? Value{} : opposite.valueOf(field_));
}

}  // namespace m2stage::schema::handlers
