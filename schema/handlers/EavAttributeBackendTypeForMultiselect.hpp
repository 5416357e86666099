// \Migration\Handler\EavAttribute\BackendTypeForMultiselect: F = "varchar" for multiselect attributes of
// the catalog_product entity type (Magento 2 keeps multiselect values in the varchar table).
#pragma once

#include <optional>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class EavAttributeBackendTypeForMultiselect : public Handler {
 public:
  EavAttributeBackendTypeForMultiselect(std::string field, HandlerEnvironment& environment)
      : Handler(std::move(field)), environment_(environment) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"frontend_input"}, {"entity_type_id"}}; }

 private:
  HandlerEnvironment& environment_;
  std::optional<Value> productTypeId_;
};

}  // namespace m2stage::schema::handlers
