#include "schema/handlers/ConvertEavValue.hpp"

namespace m2stage::schema::handlers {

void ConvertEavValue::handle(Record& record, const Record&) {
  validate(record);
  if (!attributeIds_) {
    attributeIds_.emplace();
    for (auto& attribute : environment_.sourceRows("eav_attribute"))
      if (attribute["attribute_code"] == attributeCode_) attributeIds_->push_back(attribute["attribute_id"].value_or(""));
  }
  std::string id = record.valueOf("attribute_id").value_or("");
  bool matches = false;
  for (const auto& candidate : *attributeIds_) matches = matches || candidate == id;  // isset($ids[$id]): exact key
  if (!matches) return;
  Value value = record.get(field_);
  auto found = map_.find(value.value_or(""));
  if (found != map_.end()) value = found->second;
  record.set(field_, std::move(value));
}

}  // namespace m2stage::schema::handlers
