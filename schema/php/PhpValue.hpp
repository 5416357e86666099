// A PHP value as unserialize() produces it: null, bool, int, float, string (bytes), array (an
// ordered map with int|string keys) or object (class name + ordered properties).
// Used by the handlers that convert serialized Magento 1 data (SerializeToJson, Rule\SerializedData).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace m2stage::schema::php {

// An array key. PHP turns canonical decimal strings ("5", "-3", not "05" or "-0") into ints.
using PhpKey = std::variant<std::int64_t, std::string>;

class PhpValue {
 public:
  enum class Type { Null, Bool, Int, Float, String, Array, Object };
  struct Entry;

  PhpValue() = default;
  static PhpValue boolean(bool value);
  static PhpValue integer(std::int64_t value);
  static PhpValue real(double value);
  static PhpValue string(std::string bytes);
  static PhpValue array();
  static PhpValue object(std::string className);

  Type type() const { return type_; }
  bool isNull() const { return type_ == Type::Null; }
  bool isArray() const { return type_ == Type::Array; }
  bool isObject() const { return type_ == Type::Object; }
  bool isString() const { return type_ == Type::String; }

  bool asBool() const { return bool_; }
  std::int64_t asInt() const { return int_; }
  double asFloat() const { return float_; }
  // String bytes; for objects the class name as serialized.
  const std::string& text() const { return text_; }

  // Array elements or object properties, in insertion order.
  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>& entries() { return entries_; }
  const PhpValue* find(const PhpKey& key) const;
  PhpValue* find(const PhpKey& key);
  // Replaces the value of an existing key in place, or appends (PHP's hash update).
  void set(PhpKey key, PhpValue value);

  // Objects of classes other than stdClass do not exist in the Magento 2 runtime: PHP then
  // makes a __PHP_Incomplete_Class that remembers the name.
  bool isIncompleteClass() const;
  // Payload of a custom-serialized object (C:len:"Class":len:{payload}), for serialize().
  const std::optional<std::string>& customData() const { return customData_; }
  void setCustomData(std::string data) { customData_ = std::move(data); }

  // PHP truthiness: false for null, false, 0, 0.0, "", "0" and empty arrays.
  bool truthy() const;

 private:
  Type type_ = Type::Null;
  bool bool_ = false;
  std::int64_t int_ = 0;
  double float_ = 0;
  std::string text_;
  std::vector<Entry> entries_;
  std::optional<std::string> customData_;
};

struct PhpValue::Entry {
  PhpKey key;
  PhpValue value;
};

// The key PHP uses for `bytes` in an array: an int for canonical decimal strings.
PhpKey arrayKey(const std::string& bytes);
// The key as PHP prints it (ints in decimal).
std::string keyText(const PhpKey& key);

}  // namespace m2stage::schema::php
