#include "schema/handlers/SetValue.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

namespace m2stage::schema {

namespace {
bool isNullWord(const std::string& value) {
  return value.size() == 4 && std::equal(value.begin(), value.end(), "NULL",
                                         [](char a, char b) { return std::toupper(static_cast<unsigned char>(a)) == b; });
}

// PHP prints whole floats without a decimal point; keep integers integral.
std::string formatNumber(long double number) {
  if (number == static_cast<long double>(static_cast<long long>(number))) return std::to_string(static_cast<long long>(number));
  return fmt::format("{}", static_cast<double>(number));
}
}  // namespace

void SetValue::handle(Record& record, const Record&) {
  record.get(field_);  // validates that the field exists, with the official message
  if (isNullWord(value_)) {
    record.set(field_, std::nullopt);
  } else if (!value_.empty() && (value_.front() == '+' || value_.front() == '-')) {
    // As upstream, "+N"/"-N" is arithmetic on the current value (so a literal -1 is too).
    const Value& current = record.get(field_);
    long double base = current ? std::strtold(current->c_str(), nullptr) : 0;
    long double delta = std::strtold(value_.c_str() + 1, nullptr);
    record.set(field_, formatNumber(value_.front() == '+' ? base + delta : base - delta));
  } else {
    record.set(field_, value_);
  }
}

}  // namespace m2stage::schema
