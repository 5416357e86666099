#include "schema/handlers/RuleSerializedData.hpp"

#include <fmt/format.h>

#include "schema/php/PhpSerialize.hpp"
#include "schema/php/PhpUnserialize.hpp"

namespace m2stage::schema::handlers {

void RuleSerializedData::replaceValues(php::PhpValue& array) const {
  for (auto& entry : array.entries()) {
    if (entry.value.isArray()) {
      replaceValues(entry.value);
    } else if (entry.value.isString()) {
      std::string converted = classMap_.convert(entry.value.text());
      if (!converted.empty()) entry.value = php::PhpValue::string(std::move(converted));
    }
  }
}

void RuleSerializedData::handle(Record& record, const Record&) {
  validate(record);
  const Value& value = record.get(field_);
  auto result = php::unserialize(value.value_or(""));
  if (!result.ok())
    throw TransformError(fmt::format("unserialize() of {}.{} failed: {}", record.document(), field_, result.error));
  if (!result.value->isArray()) return;
  replaceValues(*result.value);
  record.set(field_, php::serialize(*result.value));
}

}  // namespace m2stage::schema::handlers
