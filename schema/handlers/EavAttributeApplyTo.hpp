// \Migration\Handler\EavAttribute\ApplyTo: NULL for user-defined attributes (Magento 1 eav_attribute
// is_user_defined) that the opposite record does not carry (no attribute_id there); otherwise
// F = the opposite record's F.
#pragma once

#include <optional>
#include <vector>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class EavAttributeApplyTo : public Handler {
 public:
  EavAttributeApplyTo(std::string field, HandlerEnvironment& environment) : Handler(std::move(field)), environment_(environment) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"attribute_id"}}; }

 private:
  HandlerEnvironment& environment_;
  std::optional<std::vector<Row>> attributes_;
};

}  // namespace m2stage::schema::handlers
