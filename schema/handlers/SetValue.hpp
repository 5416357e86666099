// \Migration\Handler\SetValue: sets the field to a constant, to NULL ("NULL" in any case), or,
// when the value starts with + or -, to the current value plus or minus the rest (as upstream,
// so a literal "-1" is arithmetic too). The arithmetic is PHP 8's: whole numbers stay whole
// (a float past 64 bits), other results are floats printed with PHP's precision of 14 digits;
// a NULL current value counts as 0, and a current value that is not numeric stops the row
// (TransformError), where PHP 8 throws a TypeError or a warning that Magento turns into an error.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema {

class SetValue : public Handler {
 public:
  // `value` is the map param; the factory has checked that a +/- value has a number after its sign.
  SetValue(std::string field, std::string value);
  void handle(Record& record, const Record& opposite) override;

  // True when `value` is arithmetic (starts with + or -).
  static bool isArithmetic(const std::string& value);

 private:
  Value value_;
};

}  // namespace m2stage::schema
