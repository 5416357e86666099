// \Migration\Handler\QuoteMultiAddressStoreId: F = store_id of the sales_flat_quote_item whose item_id
// is the row's quote_item_id; "0" when there is none (upstream writes false, stored as 0).
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class QuoteMultiAddressStoreId : public Handler {
 public:
  QuoteMultiAddressStoreId(std::string field, HandlerEnvironment& environment) : Handler(std::move(field)), environment_(environment) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"quote_item_id"}}; }

 private:
  HandlerEnvironment& environment_;
};

}  // namespace m2stage::schema::handlers
