// Random bytes from the kernel (getrandom(2)), for nonces.
#pragma once

#include <cstddef>
#include <string>

namespace m2stage::schema::crypto {

class SystemRandom {
 public:
  // `count` random bytes; throws std::system_error when the kernel cannot give them.
  static std::string bytes(std::size_t count);
};

}  // namespace m2stage::schema::crypto
