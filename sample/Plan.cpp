#include "sample/Plan.hpp"

#include <stdexcept>

namespace m2stage::sample {

Plan::Plan(std::int64_t scale) : scale_(scale) {
  if (scale < 1) throw std::invalid_argument("the scale must be at least 1");
}

std::int64_t Plan::customerStore(std::int64_t customer) {
  switch (customer % 10) {
    case 8: return 2;
    case 9: return 3;
    default: return 1;
  }
}

std::int64_t Plan::productCategory(std::int64_t product) const {
  std::int64_t child = product % (2 * topCategories());
  return topCategoryId(child / 2) + 1 + child % 2;
}

OrderState Plan::orderState(std::int64_t order) {
  switch (order % 10) {
    case 6: return OrderState::Processing;
    case 7: return OrderState::Pending;
    case 8: return OrderState::Canceled;
    case 9: return OrderState::Closed;
    default: return OrderState::Complete;
  }
}

std::optional<std::int64_t> Plan::orderCustomer(std::int64_t order) const {
  if (order % 5 == 4) return std::nullopt;
  return order * 7919 % customers();
}

std::int64_t Plan::orderProduct(std::int64_t order, std::int64_t line) const {
  return (order * 31 + line * 17) % products();
}

const char* stateCode(OrderState state) {
  switch (state) {
    case OrderState::Pending: return "new";
    case OrderState::Processing: return "processing";
    case OrderState::Complete: return "complete";
    case OrderState::Canceled: return "canceled";
    case OrderState::Closed: return "closed";
  }
  return "new";
}

}  // namespace m2stage::sample
