#include "schema/handlers/ProductAlertStoreId.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void ProductAlertStoreId::handle(Record& record, const Record&) {
  validate(record);
  Value website = record.valueOf("website_id");
  if (!php::truthy(website)) return;
  if (!storeByWebsite_) {
    std::map<std::string, Value> storeByGroup;
    for (auto& group : environment_.sourceRows("core_store_group"))
      storeByGroup.emplace(group["group_id"].value_or(""), group["default_store_id"]);
    storeByWebsite_.emplace();
    for (auto& site : environment_.sourceRows("core_website")) {
      auto found = storeByGroup.find(site["default_group_id"].value_or(""));
      if (found != storeByGroup.end()) storeByWebsite_->emplace(site["website_id"].value_or(""), found->second);
    }
  }
  for (const auto& [id, store] : *storeByWebsite_) {
    if (php::looseEquals(id, *website)) return record.set(field_, store);
  }
  record.set(field_, "0");
}

}  // namespace m2stage::schema::handlers
