#include "schema/crypto/ChaCha20.hpp"

#include <bit>
#include <stdexcept>

namespace m2stage::schema::crypto {

namespace {

std::uint32_t loadLittle(const char* bytes) {
  const auto* b = reinterpret_cast<const unsigned char*>(bytes);
  return std::uint32_t{b[0]} | std::uint32_t{b[1]} << 8 | std::uint32_t{b[2]} << 16 | std::uint32_t{b[3]} << 24;
}

void quarterRound(std::array<std::uint32_t, 16>& x, int a, int b, int c, int d) {
  x[a] += x[b], x[d] = std::rotl(x[d] ^ x[a], 16);
  x[c] += x[d], x[b] = std::rotl(x[b] ^ x[c], 12);
  x[a] += x[b], x[d] = std::rotl(x[d] ^ x[a], 8);
  x[c] += x[d], x[b] = std::rotl(x[b] ^ x[c], 7);
}

}  // namespace

ChaCha20::ChaCha20(std::string_view key, std::string_view nonce) {
  if (key.size() != kKeySize) throw std::invalid_argument("ChaCha20: the key must be 32 bytes");
  if (nonce.size() != kNonceSize) throw std::invalid_argument("ChaCha20: the nonce must be 12 bytes");
  state_[0] = 0x61707865;  // "expand 32-byte k"
  state_[1] = 0x3320646e;
  state_[2] = 0x79622d32;
  state_[3] = 0x6b206574;
  for (std::size_t i = 0; i < 8; ++i) state_[4 + i] = loadLittle(key.data() + 4 * i);
  for (std::size_t i = 0; i < 3; ++i) state_[13 + i] = loadLittle(nonce.data() + 4 * i);
}

std::array<unsigned char, ChaCha20::kBlockSize> ChaCha20::block(std::uint32_t counter) const {
  auto input = state_;
  input[12] = counter;
  auto x = input;
  for (int i = 0; i < 10; ++i) {  // 20 rounds: column round, then diagonal round
    quarterRound(x, 0, 4, 8, 12);
    quarterRound(x, 1, 5, 9, 13);
    quarterRound(x, 2, 6, 10, 14);
    quarterRound(x, 3, 7, 11, 15);
    quarterRound(x, 0, 5, 10, 15);
    quarterRound(x, 1, 6, 11, 12);
    quarterRound(x, 2, 7, 8, 13);
    quarterRound(x, 3, 4, 9, 14);
  }
  std::array<unsigned char, kBlockSize> out{};
  for (std::size_t i = 0; i < 16; ++i) {
    std::uint32_t word = x[i] + input[i];
    for (std::size_t j = 0; j < 4; ++j) out[4 * i + j] = static_cast<unsigned char>(word >> (8 * j));
  }
  return out;
}

std::string ChaCha20::apply(std::string_view data, std::uint32_t counter) const {
  std::string out(data);
  for (std::size_t at = 0; at < out.size(); at += kBlockSize, ++counter) {
    auto stream = block(counter);
    for (std::size_t i = 0; i < kBlockSize && at + i < out.size(); ++i)
      out[at + i] = static_cast<char>(static_cast<unsigned char>(out[at + i]) ^ stream[i]);
  }
  return out;
}

}  // namespace m2stage::schema::crypto
