// Decrypts Magento 1 encrypted values the way the Data Migration Tool's Encrypt handler does
// (Magento 2's Crypt over mcrypt, with the Magento 1 key):
//  * "a:b:iv:data" (four ':'-separated parts): Rijndael-128, i.e. AES, in CBC mode, IV = the
//    third part as text, ciphertext = base64 of the fourth. mcrypt pads the key with zero bytes
//    to the next AES key size (16, 24 or 32).
//  * anything else: Blowfish ECB of the base64-decoded value.
// mcrypt pads the plaintext with zero bytes; they are removed (Crypt::decrypt's rtrim "\0").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/crypto/Aes.hpp"
#include "schema/crypto/Blowfish.hpp"

namespace m2stage::schema::crypto {

class Magento1Crypt {
 public:
  // The key as Magento 1's local.xml holds it, used as raw bytes. Throws std::invalid_argument
  // when it is empty.
  explicit Magento1Crypt(std::string key);

  struct Result {
    std::optional<std::string> plaintext;  // absent when the value cannot be decrypted
    std::string problem;                   // why, for a warning (never holds key or data)
  };

  // Upstream fails the same way on a key the cipher cannot take: throws std::invalid_argument
  // "Key must not exceed 56 bytes." (Blowfish) or "... 32 bytes." (Rijndael-128).
  // A value that is not base64, whose ciphertext is not whole blocks, or whose IV is not
  // 16 bytes gives a Result without plaintext. (Upstream's PHP decodes such values loosely
  // into garbage, or stops at a bad IV.)
  Result decrypt(std::string_view value);

 private:
  const Blowfish& blowfish();
  const Aes& aes();

  std::string key_;
  std::optional<Blowfish> blowfish_;  // built on first use: the key schedule is not free
  std::optional<Aes> aes_;
};

}  // namespace m2stage::schema::crypto
