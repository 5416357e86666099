#include "schema/handlers/SerializeToJsonSalesOrderItem.hpp"

#include <fmt/format.h>

#include "schema/handlers/HandlerSupport.hpp"
#include "schema/php/PhpFloat.hpp"
#include "schema/php/PhpJson.hpp"
#include "schema/php/PhpUnserialize.hpp"

namespace m2stage::schema::handlers {

namespace {

using php::PhpValue;

// (string) of a scalar, as unserialize() receives it.
std::string phpString(const PhpValue& value) {
  switch (value.type()) {
    case PhpValue::Type::Bool: return value.asBool() ? "1" : "";
    case PhpValue::Type::Int: return std::to_string(value.asInt());
    case PhpValue::Type::Float: return php::formatDouble(value.asFloat(), 'E');
    case PhpValue::Type::String: return value.text();
    default: return "";
  }
}

// `$x ? json_encode(unserialize($x)) : json_encode($x)`; a failed json_encode is PHP's false.
PhpValue nestedJson(const PhpValue& serialized, const std::string& what) {
  PhpValue decoded = serialized;
  if (serialized.truthy()) {
    if (serialized.isArray() || serialized.isObject())
      throw TransformError(fmt::format("unserialize() expects a string for {}", what));
    auto result = php::unserialize(phpString(serialized));
    if (!result.ok()) throw TransformError(fmt::format("unserialize() of {}: {}", what, result.error));
    decoded = std::move(*result.value);
  }
  auto json = php::jsonEncode(decoded);
  return json ? PhpValue::string(std::move(*json)) : PhpValue::boolean(false);
}

bool isSet(const PhpValue* value) { return value && !value->isNull(); }

}  // namespace

void SerializeToJsonSalesOrderItem::handle(Record& record, const Record&) {
  validate(record);
  const Value& value = record.get(field_);
  if (!value) return record.set(field_, std::nullopt);
  auto result = php::unserialize(*value);
  if (!result.ok()) return brokenData(record, field_, idColumn_, result.error, ignoreBrokenData_, false);
  PhpValue data = std::move(*result.value);
  if (data.isArray()) {
    try {
      PhpValue* options = data.find(std::string("options"));
      if (isSet(options) && options->isArray()) {
        for (auto& option : options->entries()) {
          if (!option.value.isArray()) continue;
          const PhpValue* type = option.value.find(std::string("option_type"));
          if (!type || !type->isString() || type->text() != "file") continue;
          const PhpValue* optionValue = option.value.find(std::string("option_value"));
          option.value.set(std::string("option_value"), nestedJson(optionValue ? *optionValue : PhpValue(), "option_value"));
        }
      }
      PhpValue* bundle = data.find(std::string("bundle_selection_attributes"));
      if (isSet(bundle)) *bundle = nestedJson(*bundle, "bundle_selection_attributes");
    } catch (const TransformError& error) {
      throw TransformError(fmt::format("Could not unserialize data of {}.{} with record id {}: {}", record.document(), field_,
                                       recordId(record, idColumn_), error.what()));
    }
  }
  setJson(record, field_, data, idColumn_);
}

}  // namespace m2stage::schema::handlers
