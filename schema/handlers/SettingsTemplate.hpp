// \Migration\Handler\Settings\Template: a non-numeric template reference (a Magento 1 template
// code) is replaced by the existing destination value when that is truthy.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class SettingsTemplate : public Handler {
 public:
  explicit SettingsTemplate(std::string field) : Handler(std::move(field)) {}
  void handle(Record& record, const Record& opposite) override;
};

}  // namespace m2stage::schema::handlers
