// \Migration\Handler\FieldCopy: F = record[fieldCopy] when that value is truthy (not NULL, "" or "0").
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class FieldCopy : public Handler {
 public:
  FieldCopy(std::string field, std::string from) : Handler(std::move(field)), from_(std::move(from)) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{from_}}; }

 private:
  std::string from_;
};

}  // namespace m2stage::schema::handlers
