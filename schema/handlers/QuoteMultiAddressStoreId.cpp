#include "schema/handlers/QuoteMultiAddressStoreId.hpp"

namespace m2stage::schema::handlers {

void QuoteMultiAddressStoreId::handle(Record& record, const Record&) {
  validate(record);
  auto store = environment_.sourceLookup("sales_flat_quote_item", "item_id", record.valueOf("quote_item_id").value_or(""), "store_id");
  record.set(field_, store ? *store : Value("0"));
}

}  // namespace m2stage::schema::handlers
