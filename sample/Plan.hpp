// How many rows of each kind a scale gives, and how ids relate, computed from the scale alone
// so that every section streams its rows without remembering the others'.
//
// For scale s (fixed tables: 3 websites, 3 store groups, 4 stores, 8 entity types, 54 attributes
// with 20 catalog_eav_attribute and 34 customer_eav_attribute rows, 9 attribute sets, 15 groups,
// 68 set links, 1 stock, 3 ratings with 15 options, 18 config rows, 4 CMS pages in 5 stores):
//   customers C = 100 s      customer_entity_varchar 4C, _int 3C, _datetime C
//   addresses A = 150 s      (every other customer has two) customer_address_entity_varchar 6A, _text A
//   categories K = 2 + 12 s  (root, default, 4 s top categories with 2 children each)
//                            catalog_category_entity_varchar 2K, _int 2K
//   products P = 100 s       catalog_product_entity_int 3P + P/5 (color of configurable children),
//                            _varchar 4P + P/5 (url_path included), _decimal 2P + P/4,
//                            _text 2P, _datetime P/4, catalog_category_product 2P, stock items P,
//                            media gallery 2P (+ 2P store values), tier prices 2P/5,
//                            group prices P/5 + P/10
//   configurable products P/10 (see Products.hpp), each with 1 super attribute, 3 option prices,
//                            2 super links and 2 relations
//   url rewrites 2(12 s + 2P) (categories, products, products in their category; stores 1 and 2)
//   orders O = 300 s         items 2O (1, 2 or 3 per order), addresses 2O, payments O,
//                            status history 27O/10, grid O
//   order states repeat every 10 orders: 6 complete, 1 processing, 1 pending, 1 canceled, 1 closed
//   invoices 8O/10 (items 48O/30), shipments 7O/10 (items 42O/30), credit memos O/10 (items 6O/30),
//   each with one grid row
//   increment ids per store (store id, then the store's own number); eav_entity_store has the
//   last one per document type and store with documents (about 10 rows)
//   quotes O + 50 s          (one per order, then abandoned carts) quote items 2O + 50 s
//   reviews R = 50 s         review_detail R, rating_option_vote 3R
//   newsletter subscribers   C/4 customers + 10 s guests
#pragma once

#include <cstdint>
#include <optional>

namespace m2stage::sample {

enum class OrderState { Pending, Processing, Complete, Canceled, Closed };

class Plan {
 public:
  explicit Plan(std::int64_t scale);

  std::int64_t scale() const { return scale_; }
  std::int64_t customers() const { return 100 * scale_; }
  std::int64_t addresses() const { return 150 * scale_; }
  std::int64_t topCategories() const { return 4 * scale_; }
  std::int64_t categories() const { return 2 + 3 * topCategories(); }
  std::int64_t products() const { return 100 * scale_; }
  std::int64_t orders() const { return 300 * scale_; }
  std::int64_t abandonedQuotes() const { return 50 * scale_; }
  std::int64_t reviews() const { return 50 * scale_; }
  std::int64_t guestSubscribers() const { return 10 * scale_; }

  // Customer k (0-based) has entity_id k+1 and 1 or 2 addresses, numbered in customer order.
  static std::int64_t addressCount(std::int64_t customer) { return customer % 2 == 0 ? 2 : 1; }
  static std::int64_t firstAddressId(std::int64_t customer) { return customer + (customer + 1) / 2 + 1; }
  // Store view of customer k: 1 (default), 2 (French) or 3 (wholesale, website 2).
  static std::int64_t customerStore(std::int64_t customer);
  static std::int64_t websiteOfStore(std::int64_t store) { return store == 3 ? 2 : 1; }

  // Top category t has entity_id 3 + 3t, its children the two ids after it.
  static std::int64_t topCategoryId(std::int64_t top) { return 3 + 3 * top; }
  // The child category product p (0-based) is listed in; it is also in that child's parent.
  std::int64_t productCategory(std::int64_t product) const;

  static OrderState orderState(std::int64_t order);
  static std::int64_t itemCount(std::int64_t order) { return 1 + order % 3; }
  // The customer (0-based) of order i, or none for a guest order.
  std::optional<std::int64_t> orderCustomer(std::int64_t order) const;
  // Product (0-based) of line `line` of order i.
  std::int64_t orderProduct(std::int64_t order, std::int64_t line) const;
  static bool isInvoiced(OrderState state) {
    return state == OrderState::Processing || state == OrderState::Complete || state == OrderState::Closed;
  }
  static bool isShipped(OrderState state) { return state == OrderState::Complete || state == OrderState::Closed; }
  static bool isRefunded(OrderState state) { return state == OrderState::Closed; }

 private:
  std::int64_t scale_;
};

const char* stateCode(OrderState state);

}  // namespace m2stage::sample
