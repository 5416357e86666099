// PHP's float printing with serialize_precision=-1 (PHP 7.1+), as serialize() and json_encode()
// use it: the shortest digits that round-trip, in fixed notation unless the decimal exponent is
// below -4 or above 17 (php_gcvt with precision 17, mode 0). Examples: 0.1 -> "0.1", 1.0 -> "1",
// 1e25 -> "1.0e+25", 0.00001 -> "1.0e-5", -0.0 -> "-0".
#pragma once

#include <string>

namespace m2stage::schema::php {

// `exponentChar` is 'e' for json_encode and 'E' for serialize. INF/-INF/NAN print as "INF",
// "-INF" and "NAN" (serialize's spelling; json_encode refuses them before printing).
std::string formatDouble(double value, char exponentChar);

}  // namespace m2stage::schema::php
