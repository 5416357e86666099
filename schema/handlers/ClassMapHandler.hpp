// \Migration\Handler\ClassMap: F = the Magento 2 class of the Magento 1 alias in F; NULL when the
// alias is unknown or has no equivalent.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class ClassMapHandler : public Handler {
 public:
  ClassMapHandler(std::string field, const ClassMap& classMap) : Handler(std::move(field)), classMap_(classMap) {}
  void handle(Record& record, const Record& opposite) override;

 private:
  const ClassMap& classMap_;
};

}  // namespace m2stage::schema::handlers
