#include "schema/handlers/Synonym.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void Synonym::handle(Record& record, const Record&) {
  validate(record);
  const Value& synonyms = record.get(field_);
  if (!php::truthy(synonyms)) return;
  Value store = record.valueOf("store_id");
  if (!stores_) stores_ = environment_.sourceRows("core_store");
  Value website = "0";
  for (auto& row : *stores_) {
    if (php::looseEquals(row["store_id"], store)) {
      website = row["website_id"];
      break;
    }
  }
  environment_.addDestinationRow(kOutputDocument, {"synonyms", "store_id", "website_id"},
                                 {*synonyms + "\"" + record.valueOf("query_text").value_or("") + "\",", store, website});
}

}  // namespace m2stage::schema::handlers
