// The Poly1305 one-time authenticator (RFC 8439 §2.5), fed in pieces. Arithmetic modulo
// 2^130 - 5 in five 26-bit limbs, so that 64-bit products suffice (no 128-bit integers).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace m2stage::schema::crypto {

class Poly1305 {
 public:
  static constexpr std::size_t kKeySize = 32;
  static constexpr std::size_t kTagSize = 16;

  // A one-time key of 32 bytes (r, then s); throws std::invalid_argument otherwise.
  explicit Poly1305(std::string_view key);

  void update(std::string_view data);
  // The tag of everything given to update(). Call once.
  std::array<unsigned char, kTagSize> finish();

 private:
  void addBlock(const unsigned char* block, std::uint32_t highBit);

  std::array<std::uint32_t, 5> r_{};
  std::array<std::uint32_t, 5> h_{};
  std::array<std::uint32_t, 4> s_{};
  std::array<unsigned char, 16> buffer_{};
  std::size_t buffered_ = 0;
};

}  // namespace m2stage::schema::crypto
