#include "schema/handlers/TruncateSuffix.hpp"

#include <algorithm>
#include <set>

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void TruncateSuffix::load() {
  suffix_ = ".html";
  for (auto& setting : environment_.sourceRows("core_config_data")) {
    if (setting["path"] == suffixPath_) {
      if (php::truthy(setting["value"])) suffix_ = *setting["value"];
      break;
    }
  }
  std::set<std::string> types;
  for (auto& type : environment_.sourceRows("eav_entity_type"))
    if (type["entity_type_code"] == entityTypeCode_) types.insert(type["entity_type_id"].value_or(""));
  for (auto& attribute : environment_.sourceRows("eav_attribute")) {
    const std::string code = attribute["attribute_code"].value_or("");
    if (types.contains(attribute["entity_type_id"].value_or("")) &&
        std::find(attributeCodes_.begin(), attributeCodes_.end(), code) != attributeCodes_.end())
      attributeIds_.push_back(attribute["attribute_id"].value_or(""));
  }
}

void TruncateSuffix::handle(Record& record, const Record&) {
  if (!suffix_) load();
  Value id = record.valueOf("attribute_id");
  bool listed = false;
  for (const auto& candidate : attributeIds_) listed = listed || php::looseEquals(Value(candidate), id);
  if (!listed) return;
  Value value = record.get(field_);
  if (value) {
    const std::string& suffix = *suffix_;
    std::string& text = *value;
    bool newline = !text.empty() && text.back() == '\n';
    if (text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0) {
      text.erase(text.size() - suffix.size());
    } else if (newline && text.size() > suffix.size() &&
               text.compare(text.size() - 1 - suffix.size(), suffix.size(), suffix) == 0) {
      text.erase(text.size() - 1 - suffix.size(), suffix.size());
    }
  }
  record.set(field_, std::move(value));
}

}  // namespace m2stage::schema::handlers
