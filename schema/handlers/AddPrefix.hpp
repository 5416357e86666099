// \Migration\Handler\AddPrefix: F = prefix + F (a NULL F counts as "", as PHP's concatenation does).
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class AddPrefix : public Handler {
 public:
  AddPrefix(std::string field, std::string prefix) : Handler(std::move(field)), prefix_(std::move(prefix)) {}
  void handle(Record& record, const Record& opposite) override;

 private:
  std::string prefix_;
};

}  // namespace m2stage::schema::handlers
