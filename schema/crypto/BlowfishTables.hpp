// Blowfish's initial P-array and S-boxes (the hexadecimal digits of pi), kept in their own file
// because they are 4 KiB of constants.
#pragma once

#include <array>
#include <cstdint>

namespace m2stage::schema::crypto {

extern const std::array<std::uint32_t, 18> kBlowfishP;
extern const std::array<std::array<std::uint32_t, 256>, 4> kBlowfishS;

}  // namespace m2stage::schema::crypto
