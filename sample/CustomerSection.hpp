// Customers with their EAV values (varchar, int, datetime) and addresses with theirs (varchar, and
// the street as text, as Magento 1 keeps multi-line attributes).
#pragma once

#include <cstdint>

#include "sample/People.hpp"
#include "sample/Plan.hpp"
#include "sample/RowSink.hpp"

namespace m2stage::sample {

class CustomerSection {
 public:
  CustomerSection(const Plan& plan, std::uint64_t seed, RowSink& sink) : plan_(plan), people_(seed), sink_(sink) {}
  void write();

 private:
  void customer(std::int64_t index);
  const Plan& plan_;
  People people_;
  RowSink& sink_;
  std::int64_t varcharId_ = 0, intId_ = 0, datetimeId_ = 0, addressVarcharId_ = 0, addressTextId_ = 0;
};

// Seconds since 1970 of 2012-01-01, where the sample store's history begins.
constexpr std::int64_t kStoreOpened = 1325376000;

}  // namespace m2stage::sample
