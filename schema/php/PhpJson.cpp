#include "schema/php/PhpJson.hpp"

#include <cmath>

#include "schema/php/PhpFloat.hpp"

namespace m2stage::schema::php {

namespace {

constexpr int kMaxDepth = 512;  // json_encode's default $depth
constexpr char kHex[] = "0123456789abcdef";

void appendUnit(std::string& out, unsigned unit) {
  out += "\\u";
  out += kHex[(unit >> 12) & 0xf];
  out += kHex[(unit >> 8) & 0xf];
  out += kHex[(unit >> 4) & 0xf];
  out += kHex[unit & 0xf];
}

bool isContinuation(unsigned char c) { return (c & 0xc0) == 0x80; }

// Decodes one UTF-8 character at `i` as PHP's php_next_utf8_char does; false when invalid
// (overlong forms, surrogates, beyond U+10FFFF, truncated sequences).
bool nextCodePoint(const std::string& s, std::size_t& i, unsigned& codePoint) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t left = s.size() - i;
  if (c < 0x80) {
    codePoint = c;
    i += 1;
    return true;
  }
  if (c < 0xc2) return false;
  if (c < 0xe0) {
    if (left < 2 || !isContinuation(static_cast<unsigned char>(s[i + 1]))) return false;
    codePoint = ((c & 0x1fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3fu);
    i += 2;
    return true;
  }
  if (c < 0xf0) {
    if (left < 3 || !isContinuation(static_cast<unsigned char>(s[i + 1])) ||
        !isContinuation(static_cast<unsigned char>(s[i + 2])))
      return false;
    codePoint = ((c & 0x0fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3fu) << 6) |
                (static_cast<unsigned char>(s[i + 2]) & 0x3fu);
    if (codePoint < 0x800 || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return false;
    i += 3;
    return true;
  }
  if (c < 0xf5) {
    if (left < 4 || !isContinuation(static_cast<unsigned char>(s[i + 1])) ||
        !isContinuation(static_cast<unsigned char>(s[i + 2])) || !isContinuation(static_cast<unsigned char>(s[i + 3])))
      return false;
    codePoint = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3fu) << 12) |
                ((static_cast<unsigned char>(s[i + 2]) & 0x3fu) << 6) | (static_cast<unsigned char>(s[i + 3]) & 0x3fu);
    if (codePoint < 0x10000 || codePoint > 0x10ffff) return false;
    i += 4;
    return true;
  }
  return false;
}

bool appendString(std::string& out, const std::string& s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    unsigned codePoint = 0;
    if (!nextCodePoint(s, i, codePoint)) return false;
    switch (codePoint) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '/': out += "\\/"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (codePoint < 0x20) {
          appendUnit(out, codePoint);
        } else if (codePoint < 0x80) {
          out += static_cast<char>(codePoint);
        } else if (codePoint < 0x10000) {
          appendUnit(out, codePoint);
        } else {
          codePoint -= 0x10000;
          appendUnit(out, 0xd800 | (codePoint >> 10));
          appendUnit(out, 0xdc00 | (codePoint & 0x3ff));
        }
    }
  }
  out += '"';
  return true;
}

bool isList(const PhpValue& array) {
  std::int64_t expected = 0;
  for (const auto& entry : array.entries()) {
    const auto* index = std::get_if<std::int64_t>(&entry.key);
    if (!index || *index != expected++) return false;
  }
  return true;
}

bool append(std::string& out, const PhpValue& value, int depth);

bool appendContainer(std::string& out, const PhpValue& value, int depth) {
  if (depth + 1 > kMaxDepth) return false;
  bool list = value.isArray() && isList(value);
  out += list ? '[' : '{';
  bool first = true;
  auto member = [&](const std::string& name) {
    if (!first) out += ',';
    first = false;
    return appendString(out, name) && (out += ':', true);
  };
  if (value.isObject() && value.isIncompleteClass()) {
    if (!member("__PHP_Incomplete_Class_Name") || !appendString(out, value.text())) return false;
  }
  for (const auto& entry : value.entries()) {
    if (list) {
      if (!first) out += ',';
      first = false;
    } else {
      std::string name = keyText(entry.key);
      if (value.isObject() && !name.empty() && name[0] == '\0') continue;  // private/protected
      if (!member(name)) return false;
    }
    if (!append(out, entry.value, depth + 1)) return false;
  }
  out += list ? ']' : '}';
  return true;
}

bool append(std::string& out, const PhpValue& value, int depth) {
  switch (value.type()) {
    case PhpValue::Type::Null: out += "null"; return true;
    case PhpValue::Type::Bool: out += value.asBool() ? "true" : "false"; return true;
    case PhpValue::Type::Int: out += std::to_string(value.asInt()); return true;
    case PhpValue::Type::Float:
      if (!std::isfinite(value.asFloat())) return false;
      out += formatDouble(value.asFloat(), 'e');
      return true;
    case PhpValue::Type::String: return appendString(out, value.text());
    case PhpValue::Type::Array:
    case PhpValue::Type::Object: return appendContainer(out, value, depth);
  }
  return false;
}

}  // namespace

std::optional<std::string> jsonEncode(const PhpValue& value) {
  std::string out;
  if (!append(out, value, 0)) return std::nullopt;
  return out;
}

}  // namespace m2stage::schema::php
