#include "schema/handlers/SalesOrderStatusStateSetVisibleOnFront.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void SalesOrderStatusStateSetVisibleOnFront::handle(Record& record, const Record&) {
  validate(record);
  std::string state = record.valueOf("state").value_or("");
  std::string key = record.valueOf("status").value_or("") + "-" + state;
  bool hidden = key == "pending_ogone-pending_payment" || key == "pending_payment-pending_payment" ||
                key == "processed_ogone-processing" || php::looseEquals(state, "pending_payment");
  record.set("visible_on_front", hidden ? "0" : "1");
}

}  // namespace m2stage::schema::handlers
