// PHP's unserialize(), byte for byte as PHP 7.4-8.2 reads its format:
//   N;  b:0|1;  i:[+-]digits;  d:number|INF|-INF|NAN;  s:len:"bytes";  S:len:"escaped";
//   a:n:{key;value...}  O:len:"Class":n:{name;value...}  C:len:"Class":len:{payload}  r:n;  R:n;
// String lengths are byte counts. Array keys that are canonical decimal strings become ints, and
// a repeated key replaces the earlier value in place. Trailing bytes after the value are ignored
// (PHP <= 8.2). r:/R: back-references are resolved by copying the referenced value (a reference to
// a container that is still being read, i.e. a cycle, is a failure). C: is accepted for the SPL
// classes that exist in any PHP runtime (ArrayObject, ArrayIterator, SplObjectStorage, ...); other
// classes fail as PHP warns "Class X has no unserializer", which Magento turns into an exception.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/php/PhpValue.hpp"

namespace m2stage::schema::php {

struct UnserializeResult {
  std::optional<PhpValue> value;  // absent on failure
  std::string error;              // PHP-like message, e.g. "Error at offset 12 of 20 bytes"

  bool ok() const { return value.has_value(); }
};

// Never throws for bad input. As in PHP, the empty string yields false without an error.
UnserializeResult unserialize(std::string_view bytes);

}  // namespace m2stage::schema::php
