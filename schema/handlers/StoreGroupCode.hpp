// \Migration\Handler\StoreGroupCode: F = a code derived from the row's core_store_group name: whitespace runs
// -> '_', lowercase, only [a-z0-9_-] kept, leading non-letters dropped; "store_group" when empty.
// A name seen before (PHP ==) gets "-<32 random hex digits>" appended and the warning
// "Duplicated code in <doc>.<field> Record id <group_id>" (raised with the first row, as upstream).
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class StoreGroupCode : public Handler {
 public:
  StoreGroupCode(std::string field, HandlerEnvironment& environment) : Handler(std::move(field)), environment_(environment) {}

  // The code for a name, without the duplicate suffix (exposed for tests).
  static std::string codeOf(const std::string& name);
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"group_id"}}; }

 private:
  HandlerEnvironment& environment_;
  std::optional<std::vector<std::pair<std::string, std::string>>> codes_;  // group_id -> code
};

}  // namespace m2stage::schema::handlers
