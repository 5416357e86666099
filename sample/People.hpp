// The made-up people of the sample store: customer k, or the guest of order i, is always the same
// person for a seed, so orders repeat their customer's name without remembering it. Names mix
// plain ASCII, UTF-8 and the double-encoded "latin1-looking" text old Magento 1 stores often hold.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace m2stage::sample {

struct Person {
  std::string firstname, lastname, email, telephone, street, city, postcode, countryId, region;
  std::optional<std::string> middlename;
  int gender = 0;                       // 1 male, 2 female, 0 not given
  std::optional<std::int64_t> dob;      // seconds since 1970; none: a zero date in Magento 1
  std::string passwordHash;             // md5(salt + password):salt, as Magento 1 stores it
};

class People {
 public:
  explicit People(std::uint64_t seed) : seed_(seed) {}
  Person customer(std::int64_t index) const;
  Person guest(std::int64_t order) const;

 private:
  Person make(std::uint64_t stream, std::int64_t index, const std::string& emailTag) const;
  std::uint64_t seed_;
};

}  // namespace m2stage::sample
