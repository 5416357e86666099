// Magento 2's Encryptor::encrypt() in its current form (cipher version 3):
// "<key version>:3:<base64(nonce . ciphertext . tag)>", where the cipher is
// SodiumChachaIetf: crypto_aead_chacha20poly1305_ietf with a random 12-byte nonce that is also
// the additional data. The keys are env.php's crypt/key: whitespace-separated, the last one
// current (its index is the key version). A key written as "base64" followed by base64 (the
// form Magento 2.4.7+ generates) is used decoded; any other key as its bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace m2stage::schema::crypto {

class Magento2Encryptor {
 public:
  static constexpr int kCipherVersion = 3;  // Encryptor::CIPHER_AEAD_CHACHA20POLY1305

  // Throws std::invalid_argument (naming sizes, never key bytes) when there is no key or the
  // current one is not 32 bytes.
  explicit Magento2Encryptor(std::string_view keys);

  std::size_t keyVersion() const { return keys_.size() - 1; }

  // Encrypts with the current key and a fresh random nonce.
  std::string encrypt(std::string_view plaintext) const;
  // The same with a given 12-byte nonce (tests only: a nonce must never repeat under one key).
  std::string encrypt(std::string_view plaintext, std::string_view nonce) const;

  // Decrypts a "<version>:3:<base64>" value with the key of that version: nullopt when the
  // value is not of that form, the version has no 32-byte key, or the tag does not match.
  std::optional<std::string> decrypt(std::string_view value) const;

 private:
  std::vector<std::string> keys_;  // decoded
};

}  // namespace m2stage::schema::crypto
