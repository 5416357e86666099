#include "schema/handlers/Convert.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

Convert::Convert(std::string field, std::map<std::string, std::string> map, std::optional<std::string> defaultValue)
    : Handler(std::move(field)), map_(std::move(map)) {
  if (php::truthy(defaultValue)) default_ = std::move(defaultValue);  // upstream keeps only a truthy default
}

void Convert::handle(Record& record, const Record&) {
  validate(record);
  Value value = record.get(field_);
  auto found = map_.find(value.value_or(""));
  if (found != map_.end()) {
    value = found->second;
  } else if (default_) {
    value = default_;
  }
  record.set(field_, std::move(value));
}

}  // namespace m2stage::schema::handlers
