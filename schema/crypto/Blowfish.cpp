#include "schema/crypto/Blowfish.hpp"

#include <stdexcept>
#include <utility>

#include "schema/crypto/BlowfishTables.hpp"

namespace m2stage::schema::crypto {

namespace {

std::uint32_t loadBig(const unsigned char* bytes) {
  return std::uint32_t{bytes[0]} << 24 | std::uint32_t{bytes[1]} << 16 | std::uint32_t{bytes[2]} << 8 | bytes[3];
}

void storeBig(std::uint32_t word, unsigned char* bytes) {
  bytes[0] = static_cast<unsigned char>(word >> 24);
  bytes[1] = static_cast<unsigned char>(word >> 16);
  bytes[2] = static_cast<unsigned char>(word >> 8);
  bytes[3] = static_cast<unsigned char>(word);
}

void requireWholeBlocks(std::string_view data) {
  if (data.size() % Blowfish::kBlockSize != 0)
    throw std::invalid_argument("Blowfish: data is not a whole number of 8-byte blocks");
}

}  // namespace

Blowfish::Blowfish(std::string_view key) : p_(kBlowfishP), s_(kBlowfishS) {
  if (key.empty() || key.size() > kMaxKeySize) throw std::invalid_argument("Blowfish: the key must be 1 to 56 bytes");
  std::size_t next = 0;
  for (auto& word : p_) {
    std::uint32_t mixed = 0;
    for (int i = 0; i < 4; ++i) mixed = mixed << 8 | static_cast<unsigned char>(key[next++ % key.size()]);
    word ^= mixed;
  }
  // The schedule replaces P, then each S-box, with successive encryptions of the zero block.
  std::uint32_t left = 0, right = 0;
  for (std::size_t i = 0; i < p_.size(); i += 2) {
    encryptWords(left, right);
    p_[i] = left;
    p_[i + 1] = right;
  }
  for (auto& box : s_) {
    for (std::size_t i = 0; i < box.size(); i += 2) {
      encryptWords(left, right);
      box[i] = left;
      box[i + 1] = right;
    }
  }
}

std::uint32_t Blowfish::round(std::uint32_t half) const {
  return ((s_[0][half >> 24] + s_[1][half >> 16 & 0xff]) ^ s_[2][half >> 8 & 0xff]) + s_[3][half & 0xff];
}

void Blowfish::encryptWords(std::uint32_t& left, std::uint32_t& right) const {
  for (std::size_t i = 0; i < 16; ++i) {
    left ^= p_[i];
    right ^= round(left);
    std::swap(left, right);
  }
  std::swap(left, right);
  right ^= p_[16];
  left ^= p_[17];
}

void Blowfish::encryptBlock(unsigned char* block) const {
  std::uint32_t left = loadBig(block), right = loadBig(block + 4);
  encryptWords(left, right);
  storeBig(left, block);
  storeBig(right, block + 4);
}

void Blowfish::decryptBlock(unsigned char* block) const {
  std::uint32_t left = loadBig(block), right = loadBig(block + 4);
  for (std::size_t i = 17; i > 1; --i) {
    left ^= p_[i];
    right ^= round(left);
    std::swap(left, right);
  }
  std::swap(left, right);
  right ^= p_[1];
  left ^= p_[0];
  storeBig(left, block);
  storeBig(right, block + 4);
}

std::string Blowfish::encryptEcb(std::string_view data) const {
  requireWholeBlocks(data);
  std::string out(data);
  for (std::size_t i = 0; i < out.size(); i += kBlockSize)
    encryptBlock(reinterpret_cast<unsigned char*>(out.data() + i));
  return out;
}

std::string Blowfish::decryptEcb(std::string_view data) const {
  requireWholeBlocks(data);
  std::string out(data);
  for (std::size_t i = 0; i < out.size(); i += kBlockSize)
    decryptBlock(reinterpret_cast<unsigned char*>(out.data() + i));
  return out;
}

}  // namespace m2stage::schema::crypto
