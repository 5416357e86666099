// The category tree and the products with their EAV values in every backend type (int, varchar,
// decimal, text, datetime), category links, stock items, media gallery, tier and group prices,
// configurable products (super attribute color with option pricing, super links, relations), and the
// URL rewrites Magento 1 keeps for both in each store view of the main website (Magento 1 writes
// one system rewrite per category, product and product-in-category, and store view).
#pragma once

#include <cstdint>

#include "sample/Plan.hpp"
#include "sample/Products.hpp"
#include "sample/RowSink.hpp"

namespace m2stage::sample {

// The store views with URL rewrites: those of the main website (Default Store View and Français).
inline constexpr std::int64_t kRewriteStores[] = {1, 2};

class CatalogSection {
 public:
  CatalogSection(const Plan& plan, std::uint64_t seed, RowSink& sink)
      : plan_(plan), seed_(seed), products_(seed), sink_(sink) {}
  void write();

 private:
  void category(std::int64_t id, std::int64_t parent, const std::string& path, int level, std::int64_t position,
                std::int64_t children, const std::string& name);
  void product(std::int64_t index);
  // The super attribute, its option pricing, super links and relations of configurable product p.
  void configurable(std::int64_t p, const ProductInfo& info);
  // The system rewrite of a category, product or product in a category, in every store of kRewriteStores.
  void rewrites(const std::string& idPath, const std::string& request, const std::string& target,
                std::int64_t category, std::int64_t product);

  const Plan& plan_;
  std::uint64_t seed_;
  Products products_;
  RowSink& sink_;
  std::int64_t categoryVarcharId_ = 0, categoryIntId_ = 0;
  std::int64_t intId_ = 0, varcharId_ = 0, decimalId_ = 0, textId_ = 0, datetimeId_ = 0;
  std::int64_t tierId_ = 0, groupPriceId_ = 0, rewriteId_ = 0;
  std::int64_t superAttributeId_ = 0, pricingId_ = 0, superLinkId_ = 0;
};

}  // namespace m2stage::sample
