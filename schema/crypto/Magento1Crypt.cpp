#include "schema/crypto/Magento1Crypt.hpp"

#include <stdexcept>
#include <vector>

#include "schema/crypto/Base64.hpp"

namespace m2stage::schema::crypto {

namespace {

// PHP's explode(':', value, 4).
std::vector<std::string_view> explodeFour(std::string_view value) {
  std::vector<std::string_view> parts;
  while (parts.size() < 3) {
    auto colon = value.find(':');
    if (colon == std::string_view::npos) break;
    parts.push_back(value.substr(0, colon));
    value.remove_prefix(colon + 1);
  }
  parts.push_back(value);
  return parts;
}

void tooLong(std::size_t maximum) {
  throw std::invalid_argument("Key must not exceed " + std::to_string(maximum) + " bytes.");
}

}  // namespace

Magento1Crypt::Magento1Crypt(std::string key) : key_(std::move(key)) {
  if (key_.empty()) throw std::invalid_argument("the Magento 1 crypt key is empty");
}

const Blowfish& Magento1Crypt::blowfish() {
  if (!blowfish_) {
    if (key_.size() > Blowfish::kMaxKeySize) tooLong(Blowfish::kMaxKeySize);
    blowfish_.emplace(key_);
  }
  return *blowfish_;
}

const Aes& Magento1Crypt::aes() {
  if (!aes_) {
    if (key_.size() > 32) tooLong(32);
    std::string padded = key_;
    padded.resize(padded.size() <= 16 ? 16 : padded.size() <= 24 ? 24 : 32, '\0');
    aes_.emplace(padded);
  }
  return *aes_;
}

Magento1Crypt::Result Magento1Crypt::decrypt(std::string_view value) {
  auto parts = explodeFour(value);
  bool rijndael = parts.size() == 4;
  // Key problems come first, as upstream builds its Crypt before decoding anything.
  if (rijndael) {
    aes();
  } else {
    blowfish();
  }
  if (rijndael && parts[2].size() != Aes::kBlockSize)
    return {std::nullopt, "the initialization vector is not 16 bytes"};
  auto ciphertext = Base64::decode(rijndael ? parts[3] : value);
  if (!ciphertext) return {std::nullopt, "the ciphertext is not base64"};
  std::size_t blockSize = rijndael ? Aes::kBlockSize : Blowfish::kBlockSize;
  if (ciphertext->size() % blockSize != 0)
    return {std::nullopt, "the ciphertext is not a whole number of " + std::to_string(blockSize) + "-byte blocks"};
  std::string plaintext = rijndael ? aes().decryptCbc(parts[2], *ciphertext) : blowfish().decryptEcb(*ciphertext);
  plaintext.erase(plaintext.find_last_not_of('\0') + 1);
  return {std::move(plaintext), ""};
}

}  // namespace m2stage::schema::crypto
