// A small, portable pseudo-random generator (xoshiro256** seeded by splitmix64). The standard
// library's distributions differ between implementations; these do not, so a seed gives the
// same store everywhere.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace m2stage::sample {

class Random {
 public:
  // One independent stream per (seed, stream, index): a row's values depend on nothing else.
  Random(std::uint64_t seed, std::uint64_t stream, std::uint64_t index = 0);

  std::uint64_t next();
  // Uniform in [0, bound); bound > 0.
  std::uint64_t below(std::uint64_t bound);
  // Uniform in [low, high].
  std::int64_t between(std::int64_t low, std::int64_t high);
  bool percent(unsigned chance) { return below(100) < chance; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }
  // Lowercase hex digits, as Magento's tokens and hashes look.
  std::string hex(std::size_t length);

 private:
  std::uint64_t state_[4];
};

}  // namespace m2stage::sample
