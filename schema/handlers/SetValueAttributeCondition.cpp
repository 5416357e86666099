#include "schema/handlers/SetValueAttributeCondition.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void SetValueAttributeCondition::handle(Record& record, const Record&) {
  validate(record);
  if (!attributeIds_) {
    attributeIds_.emplace();
    for (auto& attribute : environment_.sourceRows("eav_attribute"))
      if (attribute["attribute_code"] == attributeCode_) attributeIds_->push_back(attribute["attribute_id"].value_or(""));
  }
  Value id = record.valueOf("attribute_id");
  for (const auto& candidate : *attributeIds_) {
    if (php::looseEquals(Value(candidate), id)) return record.set(field_, value_);
  }
}

}  // namespace m2stage::schema::handlers
