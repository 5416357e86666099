#include "schema/crypto/Poly1305.hpp"

#include <stdexcept>

namespace m2stage::schema::crypto {

namespace {

constexpr std::uint32_t kMask26 = 0x3ffffff;

std::uint32_t loadLittle(const unsigned char* b) {
  return std::uint32_t{b[0]} | std::uint32_t{b[1]} << 8 | std::uint32_t{b[2]} << 16 | std::uint32_t{b[3]} << 24;
}

}  // namespace

Poly1305::Poly1305(std::string_view key) {
  if (key.size() != kKeySize) throw std::invalid_argument("Poly1305: the key must be 32 bytes");
  const auto* k = reinterpret_cast<const unsigned char*>(key.data());
  // r is clamped as the RFC requires, and split into 26-bit limbs.
  r_[0] = loadLittle(k) & 0x3ffffff;
  r_[1] = (loadLittle(k + 3) >> 2) & 0x3ffff03;
  r_[2] = (loadLittle(k + 6) >> 4) & 0x3ffc0ff;
  r_[3] = (loadLittle(k + 9) >> 6) & 0x3f03fff;
  r_[4] = (loadLittle(k + 12) >> 8) & 0x00fffff;
  for (std::size_t i = 0; i < 4; ++i) s_[i] = loadLittle(k + 16 + 4 * i);
}

// h = (h + block) * r mod 2^130 - 5; highBit is 2^128 in limb 4 for a full 16-byte block.
void Poly1305::addBlock(const unsigned char* block, std::uint32_t highBit) {
  const std::uint64_t r0 = r_[0], r1 = r_[1], r2 = r_[2], r3 = r_[3], r4 = r_[4];
  const std::uint64_t s1 = r1 * 5, s2 = r2 * 5, s3 = r3 * 5, s4 = r4 * 5;  // 2^130 wraps to 5
  std::uint64_t h0 = h_[0] + (loadLittle(block) & kMask26);
  std::uint64_t h1 = h_[1] + ((loadLittle(block + 3) >> 2) & kMask26);
  std::uint64_t h2 = h_[2] + ((loadLittle(block + 6) >> 4) & kMask26);
  std::uint64_t h3 = h_[3] + ((loadLittle(block + 9) >> 6) & kMask26);
  std::uint64_t h4 = h_[4] + ((loadLittle(block + 12) >> 8) | highBit);

  std::uint64_t d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1;
  std::uint64_t d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2;
  std::uint64_t d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3;
  std::uint64_t d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4;
  std::uint64_t d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;

  d1 += d0 >> 26;
  d2 += d1 >> 26;
  d3 += d2 >> 26;
  d4 += d3 >> 26;
  std::uint64_t carry = d4 >> 26;
  h0 = (d0 & kMask26) + carry * 5;
  h_[1] = static_cast<std::uint32_t>((d1 & kMask26) + (h0 >> 26));
  h_[0] = static_cast<std::uint32_t>(h0 & kMask26);
  h_[2] = static_cast<std::uint32_t>(d2 & kMask26);
  h_[3] = static_cast<std::uint32_t>(d3 & kMask26);
  h_[4] = static_cast<std::uint32_t>(d4 & kMask26);
}

void Poly1305::update(std::string_view data) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
  std::size_t size = data.size();
  if (buffered_ > 0) {
    while (size > 0 && buffered_ < buffer_.size()) buffer_[buffered_++] = *bytes++, --size;
    if (buffered_ < buffer_.size()) return;
    addBlock(buffer_.data(), 1u << 24);
    buffered_ = 0;
  }
  for (; size >= 16; bytes += 16, size -= 16) addBlock(bytes, 1u << 24);
  while (size > 0) buffer_[buffered_++] = *bytes++, --size;
}

std::array<unsigned char, Poly1305::kTagSize> Poly1305::finish() {
  if (buffered_ > 0) {  // the last partial block gets a 1 byte after it instead of 2^128
    buffer_[buffered_++] = 1;
    while (buffered_ < buffer_.size()) buffer_[buffered_++] = 0;
    addBlock(buffer_.data(), 0);
  }
  // Carry fully, then take h - p when h >= p (constant time: select by mask).
  std::uint32_t h0 = h_[0], h1 = h_[1], h2 = h_[2], h3 = h_[3], h4 = h_[4], c;
  c = h1 >> 26, h1 &= kMask26, h2 += c;
  c = h2 >> 26, h2 &= kMask26, h3 += c;
  c = h3 >> 26, h3 &= kMask26, h4 += c;
  c = h4 >> 26, h4 &= kMask26, h0 += c * 5;
  c = h0 >> 26, h0 &= kMask26, h1 += c;

  std::uint32_t g0 = h0 + 5;
  c = g0 >> 26, g0 &= kMask26;
  std::uint32_t g1 = h1 + c;
  c = g1 >> 26, g1 &= kMask26;
  std::uint32_t g2 = h2 + c;
  c = g2 >> 26, g2 &= kMask26;
  std::uint32_t g3 = h3 + c;
  c = g3 >> 26, g3 &= kMask26;
  std::uint32_t g4 = h4 + c - (1u << 26);
  std::uint32_t useG = (g4 >> 31) - 1;  // all ones when h + 5 - 2^130 did not go negative
  h0 = (h0 & ~useG) | (g0 & useG);
  h1 = (h1 & ~useG) | (g1 & useG);
  h2 = (h2 & ~useG) | (g2 & useG);
  h3 = (h3 & ~useG) | (g3 & useG);
  h4 = (h4 & ~useG) | (g4 & useG);

  // Back to four 32-bit words, plus s, modulo 2^128.
  std::uint32_t words[4] = {h0 | h1 << 26, h1 >> 6 | h2 << 20, h2 >> 12 | h3 << 14, h3 >> 18 | h4 << 8};
  std::array<unsigned char, kTagSize> tag{};
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    sum = (sum >> 32) + words[i] + s_[i];
    for (std::size_t j = 0; j < 4; ++j) tag[4 * i + j] = static_cast<unsigned char>(sum >> (8 * j));
  }
  return tag;
}

}  // namespace m2stage::schema::crypto
