// PHP's serialize() for values read by unserialize(): the inverse format, with floats printed as
// PHP 7.1+ does (serialize_precision=-1, "E" exponent) and incomplete classes under their own name.
#pragma once

#include <string>

#include "schema/php/PhpValue.hpp"

namespace m2stage::schema::php {

std::string serialize(const PhpValue& value);

}  // namespace m2stage::schema::php
