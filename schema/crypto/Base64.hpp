// Base64 with the standard alphabet (RFC 4648 §4), as PHP's base64_encode writes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace m2stage::schema::crypto {

class Base64 {
 public:
  // Always padded with '=' to a multiple of 4 characters.
  static std::string encode(std::string_view bytes);

  // The bytes, or nullopt when `text` is not base64. Whitespace is skipped and the '=' padding
  // may be left out (PHP accepts both); any other character, '=' before the end, or a lone
  // last character make it invalid.
  static std::optional<std::string> decode(std::string_view text);
};

}  // namespace m2stage::schema::crypto
