#include "schema/crypto/Magento2Encryptor.hpp"

#include <charconv>
#include <stdexcept>

#include "schema/crypto/Base64.hpp"
#include "schema/crypto/ChaCha20Poly1305.hpp"
#include "schema/crypto/SystemRandom.hpp"

namespace m2stage::schema::crypto {

namespace {

// ConfigOptionsListConstants::STORE_KEY_ENCODED_RANDOM_STRING_PREFIX
constexpr std::string_view kEncodedPrefix = "base64";

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string decodeKey(std::string_view key) {
  if (key.starts_with(kEncodedPrefix)) {
    if (auto decoded = Base64::decode(key.substr(kEncodedPrefix.size()))) return *decoded;
  }
  return std::string(key);
}

}  // namespace

Magento2Encryptor::Magento2Encryptor(std::string_view keys) {
  // preg_split('/\s+/s', trim($keys)): empty pieces only come from the ends, which trim drops.
  std::size_t at = 0;
  while (at < keys.size()) {
    while (at < keys.size() && isSpace(keys[at])) ++at;
    std::size_t end = at;
    while (end < keys.size() && !isSpace(keys[end])) ++end;
    if (end > at) keys_.push_back(decodeKey(keys.substr(at, end - at)));
    at = end;
  }
  if (keys_.empty()) throw std::invalid_argument("the Magento 2 crypt key is empty");
  if (keys_.back().size() != ChaCha20Poly1305::kKeySize)
    throw std::invalid_argument("the Magento 2 crypt key (version " + std::to_string(keyVersion()) + ") is " +
                                std::to_string(keys_.back().size()) +
                                " bytes; it must be 32 characters, or \"base64\" followed by 32 bytes in base64");
}

std::string Magento2Encryptor::encrypt(std::string_view plaintext) const {
  return encrypt(plaintext, SystemRandom::bytes(ChaCha20Poly1305::kNonceSize));
}

std::string Magento2Encryptor::encrypt(std::string_view plaintext, std::string_view nonce) const {
  std::string sealed = ChaCha20Poly1305(keys_.back()).seal(nonce, plaintext, nonce);
  return std::to_string(keyVersion()) + ":" + std::to_string(kCipherVersion) + ":" +
         Base64::encode(std::string(nonce) + sealed);
}

std::optional<std::string> Magento2Encryptor::decrypt(std::string_view value) const {
  auto first = value.find(':');
  auto second = first == std::string_view::npos ? first : value.find(':', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  std::size_t version = 0;
  auto versionText = value.substr(0, first);
  auto [end, error] = std::from_chars(versionText.data(), versionText.data() + versionText.size(), version);
  if (error != std::errc() || end != versionText.data() + versionText.size() || version >= keys_.size())
    return std::nullopt;
  if (value.substr(first + 1, second - first - 1) != std::to_string(kCipherVersion)) return std::nullopt;
  auto payload = Base64::decode(value.substr(second + 1));
  if (!payload || payload->size() < ChaCha20Poly1305::kNonceSize || keys_[version].size() != ChaCha20Poly1305::kKeySize)
    return std::nullopt;
  std::string_view bytes(*payload);
  auto nonce = bytes.substr(0, ChaCha20Poly1305::kNonceSize);
  return ChaCha20Poly1305(keys_[version]).open(nonce, bytes.substr(ChaCha20Poly1305::kNonceSize), nonce);
}

}  // namespace m2stage::schema::crypto
