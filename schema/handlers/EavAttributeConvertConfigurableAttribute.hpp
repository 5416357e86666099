// \Migration\Handler\EavAttribute\ConvertConfigurableAttribute (catalog_eav_attribute.apply_to in
// the EAV maps of the official tests): merges the Magento 1 product-type list with the opposite
// record's. Both non-empty: PHP's `explode(',', F) + explode(',', opposite F)` joined with ',',
// an array union by position, so the opposite list only adds the items past F's length
// ("simple,virtual" and "simple,virtual,bundle" give "simple,virtual,bundle"; "a" and "b,c" give
// "a,c"). Only the opposite non-empty: F = opposite F. Otherwise F becomes NULL when it is empty
// or the record's is_configurable is truthy. "Empty" is PHP's empty(): NULL, "" or "0".
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class EavAttributeConvertConfigurableAttribute : public Handler {
 public:
  explicit EavAttributeConvertConfigurableAttribute(std::string field) : Handler(std::move(field)) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"is_configurable"}}; }
};

}  // namespace m2stage::schema::handlers
