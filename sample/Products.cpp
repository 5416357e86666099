#include "sample/Products.hpp"

#include <vector>

#include <fmt/format.h>

#include "sample/Random.hpp"

namespace m2stage::sample {

namespace {
const std::vector<std::string> kAdjectives = {"Classic", "Slim", "Organic", "Vintage", "Ultra", "Café", "Nordic",
                                              "Señor's", "Deluxe", "Tiny"};
const std::vector<std::string> kNouns = {"T-Shirt", "Mug", "Backpack", "Lamp", "Notebook", "Sneaker", "Jacket",
                                         "Teapot", "Scarf", "Wallet"};
const std::vector<std::string> kColours = {"Red", "Blue", "Grün", "Noir", "Yellow"};
}  // namespace

ProductInfo Products::product(std::int64_t index) const {
  Random random(seed_, 3, static_cast<std::uint64_t>(index));
  ProductInfo product;
  product.id = index + 1;
  const auto& adjective = random.pick(kAdjectives);
  const auto& noun = random.pick(kNouns);
  product.name = fmt::format("{} {} {}", adjective, noun, index + 1);
  product.sku = fmt::format("{}-{:06}", noun.substr(0, 3), index + 1);
  for (auto& c : product.sku) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  product.urlKey = fmt::format("product-{}", index + 1);
  product.type = index % 20 == 19 ? "virtual" : isConfigurable(index) ? "configurable" : "simple";
  product.priceCents = random.between(5, 500) * 100 - (random.percent(60) ? 1 : 0);
  product.weightGrams = product.type == "virtual" ? 0 : random.between(50, 5000);
  product.colour = random.pick(kColours);
  return product;
}

}  // namespace m2stage::sample
