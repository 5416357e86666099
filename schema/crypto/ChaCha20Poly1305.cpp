#include "schema/crypto/ChaCha20Poly1305.hpp"

#include <cstdint>
#include <stdexcept>

#include "schema/crypto/ChaCha20.hpp"
#include "schema/crypto/Poly1305.hpp"

namespace m2stage::schema::crypto {

namespace {

// The data is padded with zeros to 16 bytes between the parts the tag covers.
void pad16(Poly1305& mac, std::size_t size) {
  static const char zeros[16] = {};
  if (size % 16 != 0) mac.update(std::string_view(zeros, 16 - size % 16));
}

void updateLength(Poly1305& mac, std::uint64_t size) {
  char bytes[8];
  for (std::size_t i = 0; i < 8; ++i) bytes[i] = static_cast<char>(size >> (8 * i));
  mac.update(std::string_view(bytes, 8));
}

}  // namespace

ChaCha20Poly1305::ChaCha20Poly1305(std::string_view key) : key_(key) {
  if (key.size() != kKeySize) throw std::invalid_argument("ChaCha20-Poly1305: the key must be 32 bytes");
}

std::string ChaCha20Poly1305::tag(std::string_view nonce, std::string_view ciphertext,
                                  std::string_view additionalData) const {
  // The one-time Poly1305 key is the first half of key stream block 0.
  auto block = ChaCha20(key_, nonce).block(0);
  Poly1305 mac(std::string_view(reinterpret_cast<const char*>(block.data()), Poly1305::kKeySize));
  mac.update(additionalData);
  pad16(mac, additionalData.size());
  mac.update(ciphertext);
  pad16(mac, ciphertext.size());
  updateLength(mac, additionalData.size());
  updateLength(mac, ciphertext.size());
  auto result = mac.finish();
  return std::string(reinterpret_cast<const char*>(result.data()), result.size());
}

std::string ChaCha20Poly1305::seal(std::string_view nonce, std::string_view plaintext,
                                   std::string_view additionalData) const {
  std::string sealed = ChaCha20(key_, nonce).apply(plaintext, 1);
  sealed += tag(nonce, sealed, additionalData);
  return sealed;
}

std::optional<std::string> ChaCha20Poly1305::open(std::string_view nonce, std::string_view sealed,
                                                  std::string_view additionalData) const {
  if (sealed.size() < kTagSize) return std::nullopt;
  std::string_view ciphertext = sealed.substr(0, sealed.size() - kTagSize);
  std::string expected = tag(nonce, ciphertext, additionalData);
  unsigned char difference = 0;  // compare every byte: no early exit
  for (std::size_t i = 0; i < kTagSize; ++i)
    difference |= static_cast<unsigned char>(expected[i] ^ sealed[ciphertext.size() + i]);
  if (difference != 0) return std::nullopt;
  return ChaCha20(key_, nonce).apply(ciphertext, 1);
}

}  // namespace m2stage::schema::crypto
