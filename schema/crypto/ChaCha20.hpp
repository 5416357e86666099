// The ChaCha20 stream cipher in its IETF form (RFC 8439 §2.3-2.4): 256-bit key, 96-bit nonce,
// 32-bit block counter. Used by ChaCha20Poly1305.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace m2stage::schema::crypto {

class ChaCha20 {
 public:
  static constexpr std::size_t kKeySize = 32;
  static constexpr std::size_t kNonceSize = 12;
  static constexpr std::size_t kBlockSize = 64;

  // Throws std::invalid_argument unless the key is 32 bytes and the nonce 12.
  ChaCha20(std::string_view key, std::string_view nonce);

  // The key stream block number `counter`.
  std::array<unsigned char, kBlockSize> block(std::uint32_t counter) const;

  // `data` XOR the key stream starting at block `counter` (encrypts and decrypts alike).
  std::string apply(std::string_view data, std::uint32_t counter) const;

 private:
  std::array<std::uint32_t, 16> state_{};  // constants, key, counter (word 12), nonce
};

}  // namespace m2stage::schema::crypto
