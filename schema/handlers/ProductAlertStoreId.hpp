// \Migration\Handler\ProductAlertStoreId: when website_id is truthy, F = default_store_id of that
// website's default store group (core_website.default_group_id -> core_store_group). An unknown
// website gives "0" (upstream writes false, which MySQL stores as 0). Otherwise F is left unset.
#pragma once

#include <map>
#include <optional>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class ProductAlertStoreId : public Handler {
 public:
  ProductAlertStoreId(std::string field, HandlerEnvironment& environment) : Handler(std::move(field)), environment_(environment) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"website_id"}}; }

 private:
  HandlerEnvironment& environment_;
  std::optional<std::map<std::string, Value>> storeByWebsite_;  // website_id -> default_store_id
};

}  // namespace m2stage::schema::handlers
