// \Migration\Handler\GetDestinationValue: F = opposite[F] when that is not NULL, or always when
// setNullIfEmpty is "true".
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class GetDestinationValue : public Handler {
 public:
  GetDestinationValue(std::string field, bool setNullIfEmpty) : Handler(std::move(field)), setNullIfEmpty_(setNullIfEmpty) {}
  void handle(Record& record, const Record& opposite) override;

 private:
  bool setNullIfEmpty_;
};

}  // namespace m2stage::schema::handlers
