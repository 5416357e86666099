// \Migration\Handler\Settings\CategoryRootId: a value equal to 2 (PHP ==, so "2.0" too), the
// Magento 1 default root category, becomes NULL.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class SettingsCategoryRootId : public Handler {
 public:
  explicit SettingsCategoryRootId(std::string field) : Handler(std::move(field)) {}
  void handle(Record& record, const Record& opposite) override;
};

}  // namespace m2stage::schema::handlers
