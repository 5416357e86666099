// \Migration\Handler\SetValue: sets the field to a constant, NULL, or +N/-N relative to its value.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema {

class SetValue : public Handler {
 public:
  SetValue(std::string field, std::string value) : Handler(std::move(field)), value_(std::move(value)) {}
  void handle(Record& record, const Record& opposite) override;

 private:
  std::string value_;
};

}  // namespace m2stage::schema
