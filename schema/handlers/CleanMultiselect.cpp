#include "schema/handlers/CleanMultiselect.hpp"

#include <set>

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void CleanMultiselect::handle(Record& record, const Record&) {
  if (!attributeIds_) {
    std::set<std::string> productTypes;
    for (auto& type : environment_.sourceRows("eav_entity_type"))
      if (type["entity_type_code"] == "catalog_product") productTypes.insert(type["entity_type_id"].value_or(""));
    attributeIds_.emplace();
    for (auto& attribute : environment_.sourceRows("eav_attribute")) {
      if (attribute["frontend_input"] == "multiselect" && productTypes.contains(attribute["entity_type_id"].value_or("")))
        attributeIds_->push_back(attribute["attribute_id"].value_or(""));
    }
  }
  Value id = record.valueOf("attribute_id");
  bool multiselect = false;
  for (const auto& candidate : *attributeIds_) multiselect = multiselect || php::looseEquals(Value(candidate), id);
  const Value& value = record.get(field_);
  if (!multiselect || !value) return;
  std::string cleaned;
  std::size_t start = 0;
  while (true) {
    std::size_t end = value->find(',', start);
    std::string item = value->substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (php::truthy(item)) cleaned += (cleaned.empty() ? "" : ",") + item;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  record.set(field_, std::move(cleaned));
}

}  // namespace m2stage::schema::handlers
