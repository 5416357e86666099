#include "schema/php/PhpSerialize.hpp"

#include <fmt/format.h>

#include "schema/php/PhpFloat.hpp"

namespace m2stage::schema::php {

namespace {

void appendString(std::string& out, const std::string& bytes) {
  out += fmt::format("s:{}:\"", bytes.size());
  out += bytes;
  out += "\";";
}

void appendKey(std::string& out, const PhpKey& key) {
  if (const auto* number = std::get_if<std::int64_t>(&key)) {
    out += fmt::format("i:{};", *number);
  } else {
    appendString(out, std::get<std::string>(key));
  }
}

void append(std::string& out, const PhpValue& value) {
  switch (value.type()) {
    case PhpValue::Type::Null: out += "N;"; return;
    case PhpValue::Type::Bool: out += value.asBool() ? "b:1;" : "b:0;"; return;
    case PhpValue::Type::Int: out += fmt::format("i:{};", value.asInt()); return;
    case PhpValue::Type::Float: out += "d:" + formatDouble(value.asFloat(), 'E') + ";"; return;
    case PhpValue::Type::String: appendString(out, value.text()); return;
    case PhpValue::Type::Array:
    case PhpValue::Type::Object:
      break;
  }
  if (value.isObject() && value.customData()) {
    out += fmt::format("C:{}:\"{}\":{}:{{", value.text().size(), value.text(), value.customData()->size());
    out += *value.customData();
    out += '}';
    return;
  }
  if (value.isObject()) {
    out += fmt::format("O:{}:\"{}\":{}:{{", value.text().size(), value.text(), value.entries().size());
  } else {
    out += fmt::format("a:{}:{{", value.entries().size());
  }
  for (const auto& entry : value.entries()) {
    if (value.isObject()) {
      appendString(out, keyText(entry.key));  // property names are always strings
    } else {
      appendKey(out, entry.key);
    }
    append(out, entry.value);
  }
  out += '}';
}

}  // namespace

std::string serialize(const PhpValue& value) {
  std::string out;
  append(out, value);
  return out;
}

}  // namespace m2stage::schema::php
