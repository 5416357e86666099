// AES (FIPS-197) with 128-, 192- and 256-bit keys, which is mcrypt's MCRYPT_RIJNDAEL_128 (Rijndael
// with 16-byte blocks). Magento 1 Enterprise encrypted with it in CBC mode; m2stage only decrypts
// (encryption is here for the tests). Plain byte-wise code: the values are a few blocks long.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace m2stage::schema::crypto {

class Aes {
 public:
  static constexpr std::size_t kBlockSize = 16;

  // A key of 16, 24 or 32 bytes; throws std::invalid_argument otherwise.
  explicit Aes(std::string_view key);

  void encryptBlock(unsigned char* block) const;
  void decryptBlock(unsigned char* block) const;

  // CBC without padding: `iv` is 16 bytes and the data whole blocks, else std::invalid_argument.
  std::string encryptCbc(std::string_view iv, std::string_view data) const;
  std::string decryptCbc(std::string_view iv, std::string_view data) const;

 private:
  void addRoundKey(unsigned char* state, int round) const;

  int rounds_;
  std::array<unsigned char, 240> roundKeys_{};  // 4 * (rounds + 1) words, at most 60
};

}  // namespace m2stage::schema::crypto
