// \Migration\Handler\TruncateSuffix: on rows of the attributes attributeCodes ("[a,b]") of entity type
// entityTypeCode, strips the URL suffix from the end of F. The suffix is the first Magento 1
// core_config_data value at suffixPath (any scope), ".html" when absent or falsy. As PCRE's `$`,
// the suffix may also sit before a final newline. NULL stays NULL.
#pragma once

#include <optional>
#include <vector>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class TruncateSuffix : public Handler {
 public:
  TruncateSuffix(std::string field, HandlerEnvironment& environment, std::string suffixPath, std::vector<std::string> attributeCodes,
                 std::string entityTypeCode)
      : Handler(std::move(field)), environment_(environment), suffixPath_(std::move(suffixPath)),
        attributeCodes_(std::move(attributeCodes)), entityTypeCode_(std::move(entityTypeCode)) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"attribute_id"}}; }

 private:
  void load();

  HandlerEnvironment& environment_;
  std::string suffixPath_;
  std::vector<std::string> attributeCodes_;
  std::string entityTypeCode_;
  std::optional<std::string> suffix_;
  std::vector<std::string> attributeIds_;
};

}  // namespace m2stage::schema::handlers
