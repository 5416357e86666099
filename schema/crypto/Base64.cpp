#include "schema/crypto/Base64.hpp"

#include <array>

namespace m2stage::schema::crypto {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// 0..63 for an alphabet character, -1 otherwise.
constexpr std::array<signed char, 256> reverseTable() {
  std::array<signed char, 256> table{};
  table.fill(-1);
  for (std::size_t i = 0; i < kAlphabet.size(); ++i)
    table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
  return table;
}

constexpr auto kReverse = reverseTable();

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::string Base64::encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    unsigned group = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                     static_cast<unsigned char>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(group >> shift) & 63];
  }
  std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    unsigned group = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(group >> 18) & 63];
    out += kAlphabet[(group >> 12) & 63];
    out += rest == 2 ? kAlphabet[(group >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> Base64::decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  unsigned group = 0;
  std::size_t count = 0;  // alphabet characters so far
  bool padding = false;
  for (char c : text) {
    if (isSpace(c)) continue;
    if (c == '=') {
      padding = true;
      continue;
    }
    int digit = kReverse[static_cast<unsigned char>(c)];
    if (digit < 0 || padding) return std::nullopt;
    group = group << 6 | static_cast<unsigned>(digit);
    if (++count % 4 == 0) {
      out += static_cast<char>(group >> 16 & 0xff);
      out += static_cast<char>(group >> 8 & 0xff);
      out += static_cast<char>(group & 0xff);
      group = 0;
    }
  }
  switch (count % 4) {
    case 1:
      return std::nullopt;  // 6 bits cannot make a byte
    case 2:
      out += static_cast<char>(group >> 4 & 0xff);
      break;
    case 3:
      out += static_cast<char>(group >> 10 & 0xff);
      out += static_cast<char>(group >> 2 & 0xff);
      break;
    default:
      break;
  }
  return out;
}

}  // namespace m2stage::schema::crypto
