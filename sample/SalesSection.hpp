// Quotes and orders with items, addresses, payments and status history, and the invoices,
// shipments and credit memos of each order, with the four sales grids. Orders are written one at
// a time with all their documents; counters give the documents their ids and, per store, their
// increment ids. Last, eav_entity_store gets each store's last increment id per document type.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sample/People.hpp"
#include "sample/Plan.hpp"
#include "sample/Products.hpp"
#include "sample/RowBuilder.hpp"
#include "sample/RowSink.hpp"

namespace m2stage::sample {

class SalesSection {
 public:
  SalesSection(const Plan& plan, std::uint64_t seed, RowSink& sink)
      : plan_(plan), seed_(seed), people_(seed), products_(seed), sink_(sink) {}
  void write();

 private:
  struct Line {
    std::int64_t itemId = 0, qty = 0, price = 0, row = 0, discount = 0, tax = 0, hiddenTax = 0;
    ProductInfo product;
  };
  struct Order {
    std::int64_t index = 0, id = 0, store = 1, created = 0, updated = 0;
    std::string incrementId, storeName;
    OrderState state = OrderState::Pending;
    std::optional<std::int64_t> customer;
    Person person;
    std::vector<Line> lines;
    std::int64_t qty = 0, subtotal = 0, discount = 0, tax = 0, hiddenTax = 0, shipping = 0, grand = 0, weight = 0;
    bool isVirtual = false;
  };

  Order makeOrder(std::int64_t index);
  void quote(const Order& order);
  void abandonedQuote(std::int64_t index);
  void order(const Order& order);
  void items(const Order& order);
  void addresses(const Order& order);
  void payment(const Order& order);
  void history(const Order& order);
  void grid(const Order& order);
  void invoice(const Order& order);
  void shipment(const Order& order);
  void creditmemo(const Order& order);
  void documentItem(RowBuilder& rows, std::int64_t id, std::int64_t parent, const Line& line);
  std::string billingName(const Order& order) const;
  void lastIncrements();

  const Plan& plan_;
  std::uint64_t seed_;
  People people_;
  Products products_;
  RowSink& sink_;
  std::int64_t itemId_ = 0, historyId_ = 0;
  std::int64_t invoiceId_ = 0, invoiceItemId_ = 0, shipmentId_ = 0, shipmentItemId_ = 0;
  std::int64_t creditmemoId_ = 0, creditmemoItemId_ = 0, lastInvoiceId_ = 0;
  // The last increment number per store id (0, the admin store, to 3).
  using Counters = std::array<std::int64_t, 4>;
  Counters orderNumbers_{}, invoiceNumbers_{}, shipmentNumbers_{}, creditmemoNumbers_{};
  RowBuilder quotes_{"sales_flat_quote"}, quoteItems_{"sales_flat_quote_item"};
  RowBuilder orders_{"sales_flat_order"}, orderItems_{"sales_flat_order_item"};
  RowBuilder orderAddresses_{"sales_flat_order_address"}, payments_{"sales_flat_order_payment"};
  RowBuilder history_{"sales_flat_order_status_history"}, orderGrid_{"sales_flat_order_grid"};
  RowBuilder invoices_{"sales_flat_invoice"}, invoiceItems_{"sales_flat_invoice_item"}, invoiceGrid_{"sales_flat_invoice_grid"};
  RowBuilder shipments_{"sales_flat_shipment"}, shipmentItems_{"sales_flat_shipment_item"};
  RowBuilder shipmentGrid_{"sales_flat_shipment_grid"};
  RowBuilder creditmemos_{"sales_flat_creditmemo"}, creditmemoItems_{"sales_flat_creditmemo_item"};
  RowBuilder creditmemoGrid_{"sales_flat_creditmemo_grid"};
};

}  // namespace m2stage::sample
