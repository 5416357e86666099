// \Migration\Handler\SetValueAttributeCondition: F = value on rows whose attribute_id has attributeCode
// in Magento 1 eav_attribute. A value of NULL in any case means SQL NULL (upstream compares with
// 'null' exactly; the official maps write "NULL", meaning NULL).
#pragma once

#include <optional>
#include <vector>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class SetValueAttributeCondition : public Handler {
 public:
  SetValueAttributeCondition(std::string field, HandlerEnvironment& environment, std::string attributeCode, Value value)
      : Handler(std::move(field)), environment_(environment), attributeCode_(std::move(attributeCode)), value_(std::move(value)) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"attribute_id"}}; }

 private:
  HandlerEnvironment& environment_;
  std::string attributeCode_;
  Value value_;
  std::optional<std::vector<std::string>> attributeIds_;
};

}  // namespace m2stage::schema::handlers
