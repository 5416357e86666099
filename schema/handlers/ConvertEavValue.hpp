// \Migration\Handler\ConvertEavValue: as Convert (without default) but only on rows whose attribute_id
// has attributeCode in Magento 1 eav_attribute (any entity type).
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class ConvertEavValue : public Handler {
 public:
  ConvertEavValue(std::string field, HandlerEnvironment& environment, std::map<std::string, std::string> map,
                  std::string attributeCode)
      : Handler(std::move(field)), environment_(environment), map_(std::move(map)), attributeCode_(std::move(attributeCode)) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"attribute_id"}}; }

 private:
  HandlerEnvironment& environment_;
  std::map<std::string, std::string> map_;
  std::string attributeCode_;
  std::optional<std::vector<std::string>> attributeIds_;
};

}  // namespace m2stage::schema::handlers
