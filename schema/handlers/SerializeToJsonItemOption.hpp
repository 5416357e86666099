// \Migration\Handler\SerializeToJson\ItemOption: on rows whose `code` matches /option_\d+/ (custom
// option values), F = json_encode(unserialize(F)) when it unserializes to something other than
// false; otherwise F stays as it is, silently. A row without `code`, or with it NULL, fails.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class SerializeToJsonItemOption : public Handler {
 public:
  SerializeToJsonItemOption(std::string field, std::string idColumn) : Handler(std::move(field)), idColumn_(std::move(idColumn)) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"code"}}; }

 private:
  std::string idColumn_;
};

}  // namespace m2stage::schema::handlers
