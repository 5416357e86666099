// \Migration\Handler\Settings\UrlSuffix: prefixes '.' to a truthy value that does not start with one.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class SettingsUrlSuffix : public Handler {
 public:
  explicit SettingsUrlSuffix(std::string field) : Handler(std::move(field)) {}
  void handle(Record& record, const Record& opposite) override;
};

}  // namespace m2stage::schema::handlers
