// The ChaCha20-Poly1305 AEAD of RFC 8439 §2.8, which is libsodium's
// crypto_aead_chacha20poly1305_ietf (12-byte nonce, 16-byte tag after the ciphertext).
// Magento 2 encrypts with it (cipher version 3).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace m2stage::schema::crypto {

class ChaCha20Poly1305 {
 public:
  static constexpr std::size_t kKeySize = 32;
  static constexpr std::size_t kNonceSize = 12;
  static constexpr std::size_t kTagSize = 16;

  // Throws std::invalid_argument unless the key is 32 bytes.
  explicit ChaCha20Poly1305(std::string_view key);

  // Ciphertext followed by the tag. Throws std::invalid_argument unless the nonce is 12 bytes.
  std::string seal(std::string_view nonce, std::string_view plaintext, std::string_view additionalData) const;

  // The plaintext, or nullopt when the tag does not match (or `sealed` is shorter than a tag).
  std::optional<std::string> open(std::string_view nonce, std::string_view sealed,
                                  std::string_view additionalData) const;

 private:
  std::string tag(std::string_view nonce, std::string_view ciphertext, std::string_view additionalData) const;

  std::string key_;
};

}  // namespace m2stage::schema::crypto
