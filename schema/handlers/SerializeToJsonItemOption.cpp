#include "schema/handlers/SerializeToJsonItemOption.hpp"

#include "schema/handlers/HandlerSupport.hpp"
#include "schema/php/PhpUnserialize.hpp"

namespace m2stage::schema::handlers {

namespace {
// /option_\d+/ anywhere in the code.
bool isOptionCode(const std::string& code) {
  for (auto at = code.find("option_"); at != std::string::npos; at = code.find("option_", at + 1)) {
    std::size_t next = at + 7;
    if (next < code.size() && code[next] >= '0' && code[next] <= '9') return true;
  }
  return false;
}
}  // namespace

void SerializeToJsonItemOption::handle(Record& record, const Record&) {
  validate(record);
  Value code = record.valueOf("code");
  if (!code) throw TransformError("Field code not found in the record.");
  const Value& value = record.get(field_);
  if (!value || !isOptionCode(*code)) return record.set(field_, value);
  auto result = php::unserialize(*value);
  bool isFalse = result.ok() && result.value->type() == php::PhpValue::Type::Bool && !result.value->asBool();
  if (!result.ok() || isFalse) return record.set(field_, value);
  setJson(record, field_, *result.value, idColumn_);
}

}  // namespace m2stage::schema::handlers
