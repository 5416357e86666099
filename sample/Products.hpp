// The made-up catalog: product p (0-based, entity_id p+1) always has the same SKU, name and price
// for a seed, so order lines repeat them without remembering the catalog.
#pragma once

#include <cstdint>
#include <string>

namespace m2stage::sample {

struct ProductInfo {
  std::int64_t id = 0;
  std::string sku, name, urlKey, type;
  std::int64_t priceCents = 0, weightGrams = 0;
  std::string colour;  // the custom option a buyer picked, shown in order item options
};

class Products {
 public:
  explicit Products(std::uint64_t seed) : seed_(seed) {}
  ProductInfo product(std::int64_t index) const;

 private:
  std::uint64_t seed_;
};

}  // namespace m2stage::sample
