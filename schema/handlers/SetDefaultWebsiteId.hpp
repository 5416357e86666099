// \Migration\Handler\SetDefaultWebsiteId: F = column F of the Magento 1 core_website row with
// is_default = 1 (NULL when there is none).
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class SetDefaultWebsiteId : public Handler {
 public:
  SetDefaultWebsiteId(std::string field, HandlerEnvironment& environment) : Handler(std::move(field)), environment_(environment) {}
  void handle(Record& record, const Record& opposite) override;

 private:
  HandlerEnvironment& environment_;
  Value defaultWebsite_;
};

}  // namespace m2stage::schema::handlers
