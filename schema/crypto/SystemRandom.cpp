#include "schema/crypto/SystemRandom.hpp"

#include <sys/random.h>

#include <cerrno>
#include <system_error>

namespace m2stage::schema::crypto {

std::string SystemRandom::bytes(std::size_t count) {
  std::string out(count, '\0');
  std::size_t filled = 0;
  while (filled < count) {
    // Blocks only until the pool is first initialised; a signal can cut a call short.
    ssize_t got = ::getrandom(out.data() + filled, count - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "getrandom");
    }
    filled += static_cast<std::size_t>(got);
  }
  return out;
}

}  // namespace m2stage::schema::crypto
