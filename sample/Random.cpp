#include "sample/Random.hpp"

#include <string>

namespace m2stage::sample {

namespace {

std::uint64_t splitmix(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Random::Random(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
  std::uint64_t x = seed;
  x = splitmix(x) ^ (stream * 0xD1B54A32D192ED03ULL);
  x = splitmix(x) ^ (index * 0x8CB92BA72F3D8DD7ULL);
  for (auto& word : state_) word = splitmix(x);
}

std::uint64_t Random::next() {
  std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

std::uint64_t Random::below(std::uint64_t bound) {
  // Rejection sampling keeps the result unbiased.
  std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  std::uint64_t value = next();
  while (value >= limit) value = next();
  return value % bound;
}

std::int64_t Random::between(std::int64_t low, std::int64_t high) {
  return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low) + 1));
}

std::string Random::hex(std::size_t length) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string text(length, '0');
  for (auto& c : text) c = digits[below(16)];
  return text;
}

}  // namespace m2stage::sample
