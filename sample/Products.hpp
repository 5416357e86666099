// The made-up catalog: product p (0-based, entity_id p+1) always has the same SKU, name and price
// for a seed, so order lines repeat them without remembering the catalog. Every tenth product
// (p % 10 == 2) is a configurable product whose two children are the simple products after it
// (p % 10 == 3 and 4), each in its own colour.
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

  static bool isConfigurable(std::int64_t index) { return index % 10 == 2; }
  // The configurable parent (0-based) of product `index`, or -1 when it is no child.
  static std::int64_t configurableParent(std::int64_t index) {
    return index % 10 == 3 || index % 10 == 4 ? index - index % 10 + 2 : -1;
  }
  // The option id of the colour (attribute color) of child `index`: 10..14, the two children of a
  // parent differ.
  static std::int64_t colourOption(std::int64_t index) { return 10 + (index / 10 + (index % 10 == 4 ? 1 : 0)) % 5; }

 private:
  std::uint64_t seed_;
};

}  // namespace m2stage::sample
