#include "schema/handlers/SetDefaultWebsiteId.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void SetDefaultWebsiteId::handle(Record& record, const Record&) {
  if (!php::truthy(defaultWebsite_)) {  // upstream looks again while the answer is empty
    validate(record);
    for (auto& website : environment_.sourceRows("core_website")) {
      if (php::looseEquals(website["is_default"], Value("1"))) {
        defaultWebsite_ = website[field_];
        break;
      }
    }
  }
  record.set(field_, defaultWebsite_);
}

}  // namespace m2stage::schema::handlers
