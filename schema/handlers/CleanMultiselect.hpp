// \Migration\Handler\CleanMultiselect: on rows of catalog_product multiselect attributes, drops the
// falsy items ("" and, as PHP's array_filter, "0") from the comma list in F: "24,,,41," -> "24,41".
// NULL stays NULL (PHP 8.1 would coerce it to ""; not reproduced).
#pragma once

#include <optional>
#include <vector>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class CleanMultiselect : public Handler {
 public:
  CleanMultiselect(std::string field, HandlerEnvironment& environment) : Handler(std::move(field)), environment_(environment) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"attribute_id"}}; }

 private:
  HandlerEnvironment& environment_;
  std::optional<std::vector<std::string>> attributeIds_;
};

}  // namespace m2stage::schema::handlers
