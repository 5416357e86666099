// \Migration\Handler\ConvertDateFormat: in F, <date_format>full|long|medium|short</date_format> become
// the ICU style numbers 0|1|2|3 (IntlDateFormatter constants), as strtr() does. NULL stays NULL
// (PHP 8.1 would coerce it to ""; not reproduced).
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class ConvertDateFormat : public Handler {
 public:
  explicit ConvertDateFormat(std::string field) : Handler(std::move(field)) {}
  void handle(Record& record, const Record& opposite) override;
};

}  // namespace m2stage::schema::handlers
