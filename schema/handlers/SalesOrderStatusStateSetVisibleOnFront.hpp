// \Migration\Handler\SalesOrderStatusState\SetVisibleOnFront: sets visible_on_front (not F) to 0 for
// the status-state pairs Magento 1 hid (pending_ogone-pending_payment, pending_payment-pending_payment,
// processed_ogone-processing) and for state pending_payment, else 1.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class SalesOrderStatusStateSetVisibleOnFront : public Handler {
 public:
  explicit SalesOrderStatusStateSetVisibleOnFront(std::string field) : Handler(std::move(field)) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"status"}, {"state"}, {"visible_on_front"}}; }
};

}  // namespace m2stage::schema::handlers
