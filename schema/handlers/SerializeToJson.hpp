// \Migration\Handler\SerializeToJson: F = json_encode(unserialize(F)) for non-NULL F. Broken data
// gives a warning and NULL (migrateBrokenData, default "true"; suppressWarning "true" silences
// the warning), or fails the row when migrateBrokenData is anything but "true". As in PHP, ""
// unserializes to false and so becomes "false".
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class SerializeToJson : public Handler {
 public:
  SerializeToJson(std::string field, std::string idColumn, bool migrateBrokenData, bool suppressWarning)
      : Handler(std::move(field)), idColumn_(std::move(idColumn)), migrate_(migrateBrokenData), quiet_(suppressWarning) {}
  void handle(Record& record, const Record& opposite) override;

 private:
  std::string idColumn_;
  bool migrate_;
  bool quiet_;
};

}  // namespace m2stage::schema::handlers
