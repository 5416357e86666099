// PHP's json_encode() with default flags (PHP 7.1+), byte for byte:
//  * strings: '"', '\\' and '/' escaped ("\/"), \b \f \n \r \t, other control bytes as \u00xx,
//    every non-ASCII character as \uxxxx in lowercase hex (UTF-16 surrogate pairs above U+FFFF);
//  * arrays whose keys are exactly 0..n-1 in order are lists, anything else an object; an empty
//    array is "[]"; objects are always objects ("{}" when empty) and show only public properties
//    (an incomplete class shows "__PHP_Incomplete_Class_Name" first, as PHP does);
//  * ints in decimal; floats in PHP's shortest round-trip form without a forced ".0" (1.0 -> "1",
//    0.1 -> "0.1", 1e25 -> "1.0e+25"); true, false, null.
// PHP returns false (and so does jsonEncode, as nullopt) for invalid UTF-8, INF/NAN, and nesting
// deeper than 512.
#pragma once

#include <optional>
#include <string>

#include "schema/php/PhpValue.hpp"

namespace m2stage::schema::php {

std::optional<std::string> jsonEncode(const PhpValue& value);

}  // namespace m2stage::schema::php
