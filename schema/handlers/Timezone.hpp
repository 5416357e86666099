// \Migration\Handler\Timezone: shifts F by `offset` hours (-14..+12): an int column holds a Unix time,
// a datetime/timestamp column "Y-m-d H:i:s". Empty values and a zero offset are left alone, and so
// are zero dates ("0000-00-00 ...", which PHP would turn into year -1). Only int, integer,
// datetime and timestamp columns are accepted, as upstream.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class Timezone : public Handler {
 public:
  Timezone(std::string field, int offsetHours, bool integerColumn)
      : Handler(std::move(field)), offsetHours_(offsetHours), integerColumn_(integerColumn) {}
  void handle(Record& record, const Record& opposite) override;

 private:
  int offsetHours_;
  bool integerColumn_;
};

}  // namespace m2stage::schema::handlers
