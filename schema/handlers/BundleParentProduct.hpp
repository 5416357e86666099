// \Migration\Handler\BundleParentProduct: F = documentWithProductId.fieldWithProductId of the Magento 1 row
// whose parentField equals this row's parentField, or 0 when missing or falsy.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class BundleParentProduct : public Handler {
 public:
  BundleParentProduct(std::string field, HandlerEnvironment& environment, std::string parentField, std::string document,
                      std::string productField)
      : Handler(std::move(field)), environment_(environment), parentField_(std::move(parentField)),
        document_(std::move(document)), productField_(std::move(productField)) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{parentField_}}; }

 private:
  HandlerEnvironment& environment_;
  std::string parentField_;
  std::string document_;
  std::string productField_;
};

}  // namespace m2stage::schema::handlers
