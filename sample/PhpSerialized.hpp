// Builds PHP serialize() text, as Magento 1 stores it in columns such as
// sales_flat_order_item.product_options: string lengths count bytes, not characters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace m2stage::sample {

class PhpSerialized {
 public:
  static std::string string(std::string_view value);
  static std::string integer(std::int64_t value);
  // An array of already serialized keys and values, in order.
  static std::string array(const std::vector<std::pair<std::string, std::string>>& entries);
};

}  // namespace m2stage::sample
