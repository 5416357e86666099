// \Migration\Handler\ConvertTimestampToDate: on rows with frontend_input = "date", a truthy numeric F
// (a Unix time, as Magento 1 stored some date defaults) becomes "Y-m-d H:i:s" in UTC.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class ConvertTimestampToDate : public Handler {
 public:
  explicit ConvertTimestampToDate(std::string field) : Handler(std::move(field)) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"frontend_input"}}; }
};

}  // namespace m2stage::schema::handlers
