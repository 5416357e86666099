// \Migration\Handler\SerializeToJson\SalesOrderItem: as SerializeToJson for product_options, but first
// replaces, inside the unserialized array, each file option's serialized option_value
// (options[*] with option_type === "file") and bundle_selection_attributes by their JSON text, as
// Magento 2 stores them. Broken nested data fails the row (upstream does not catch it either).
// ignoreBrokenData (default true; PHP truthiness) picks warning+NULL for a broken top level.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class SerializeToJsonSalesOrderItem : public Handler {
 public:
  SerializeToJsonSalesOrderItem(std::string field, std::string idColumn, bool ignoreBrokenData)
      : Handler(std::move(field)), idColumn_(std::move(idColumn)), ignoreBrokenData_(ignoreBrokenData) {}
  void handle(Record& record, const Record& opposite) override;

 private:
  std::string idColumn_;
  bool ignoreBrokenData_;
};

}  // namespace m2stage::schema::handlers
