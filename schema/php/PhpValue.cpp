#include "schema/php/PhpValue.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace m2stage::schema::php {

PhpValue PhpValue::boolean(bool value) {
  PhpValue result;
  result.type_ = Type::Bool;
  result.bool_ = value;
  return result;
}

PhpValue PhpValue::integer(std::int64_t value) {
  PhpValue result;
  result.type_ = Type::Int;
  result.int_ = value;
  return result;
}

PhpValue PhpValue::real(double value) {
  PhpValue result;
  result.type_ = Type::Float;
  result.float_ = value;
  return result;
}

PhpValue PhpValue::string(std::string bytes) {
  PhpValue result;
  result.type_ = Type::String;
  result.text_ = std::move(bytes);
  return result;
}

PhpValue PhpValue::array() {
  PhpValue result;
  result.type_ = Type::Array;
  return result;
}

PhpValue PhpValue::object(std::string className) {
  PhpValue result;
  result.type_ = Type::Object;
  result.text_ = std::move(className);
  return result;
}

const PhpValue* PhpValue::find(const PhpKey& key) const {
  auto found = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& entry) { return entry.key == key; });
  return found == entries_.end() ? nullptr : &found->value;
}

PhpValue* PhpValue::find(const PhpKey& key) {
  return const_cast<PhpValue*>(static_cast<const PhpValue*>(this)->find(key));
}

void PhpValue::set(PhpKey key, PhpValue value) {
  if (PhpValue* existing = find(key)) {
    *existing = std::move(value);
  } else {
    entries_.push_back({std::move(key), std::move(value)});
  }
}

bool PhpValue::isIncompleteClass() const {
  static const std::string kStd = "stdclass";
  return type_ == Type::Object &&
         !(text_.size() == kStd.size() && std::equal(text_.begin(), text_.end(), kStd.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == b;
           }));
}

bool PhpValue::truthy() const {
  switch (type_) {
    case Type::Null: return false;
    case Type::Bool: return bool_;
    case Type::Int: return int_ != 0;
    case Type::Float: return float_ != 0;
    case Type::String: return !text_.empty() && text_ != "0";
    case Type::Array: return !entries_.empty();
    case Type::Object: return true;
  }
  return false;
}

PhpKey arrayKey(const std::string& bytes) {
  // Canonical decimal: "0", or an optional '-' then a non-zero digit then digits, within int64.
  std::size_t start = !bytes.empty() && bytes[0] == '-' ? 1 : 0;
  if (bytes.size() == start || bytes.size() - start > 19) return bytes;
  if (!std::all_of(bytes.begin() + static_cast<std::ptrdiff_t>(start), bytes.end(),
                   [](char c) { return c >= '0' && c <= '9'; }))
    return bytes;
  if (bytes[start] == '0' && (bytes.size() - start > 1 || start == 1)) return bytes;  // "05", "-0"
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(bytes.data(), bytes.data() + bytes.size(), value);
  if (error != std::errc() || end != bytes.data() + bytes.size()) return bytes;
  return value;
}

std::string keyText(const PhpKey& key) {
  if (const auto* number = std::get_if<std::int64_t>(&key)) return std::to_string(*number);
  return std::get<std::string>(key);
}

}  // namespace m2stage::schema::php
