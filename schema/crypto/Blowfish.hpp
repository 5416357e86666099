// Blowfish (Schneier 1993), 64-bit blocks, big-endian words: what mcrypt's MCRYPT_BLOWFISH and
// OpenSSL's bf-ecb compute. Magento 1 encrypted with it in ECB mode; m2stage only decrypts
// (encryption is here for the tests).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace m2stage::schema::crypto {

class Blowfish {
 public:
  static constexpr std::size_t kBlockSize = 8;
  static constexpr std::size_t kMaxKeySize = 56;

  // Any key of 1 to 56 bytes (the standard key schedule repeats shorter keys).
  // Throws std::invalid_argument otherwise.
  explicit Blowfish(std::string_view key);

  void encryptBlock(unsigned char* block) const;
  void decryptBlock(unsigned char* block) const;

  // ECB over whole blocks; throws std::invalid_argument when the size is not a multiple of 8.
  std::string encryptEcb(std::string_view data) const;
  std::string decryptEcb(std::string_view data) const;

 private:
  std::uint32_t round(std::uint32_t half) const;
  void encryptWords(std::uint32_t& left, std::uint32_t& right) const;

  std::array<std::uint32_t, 18> p_;
  std::array<std::array<std::uint32_t, 256>, 4> s_;
};

}  // namespace m2stage::schema::crypto
