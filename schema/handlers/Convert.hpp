// \Migration\Handler\Convert: replaces F through a "[from:to;...]" map; an unmapped value becomes
// defaultValue when that is truthy, else stays. A NULL F is looked up as "" (PHP array keys).
#pragma once

#include <map>
#include <optional>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class Convert : public Handler {
 public:
  Convert(std::string field, std::map<std::string, std::string> map, std::optional<std::string> defaultValue);
  void handle(Record& record, const Record& opposite) override;

 private:
  std::map<std::string, std::string> map_;
  std::optional<std::string> default_;
};

}  // namespace m2stage::schema::handlers
