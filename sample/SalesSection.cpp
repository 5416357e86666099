#include "sample/SalesSection.hpp"

#include <fmt/format.h>

#include "sample/Attributes.hpp"
#include "sample/CustomerSection.hpp"
#include "sample/PhpSerialized.hpp"
#include "sample/Random.hpp"

namespace m2stage::sample {

namespace {

using F = Field;
using Php = PhpSerialized;
F n(std::int64_t value) { return F::number(value); }
F t(std::string_view value) { return F::text(value); }
F flag(bool value) { return n(value ? 1 : 0); }
F money(std::int64_t cents) { return F::money(cents); }
F moneyIf(bool present, std::int64_t cents) { return present ? F::money(cents) : F::null(); }
std::optional<std::int64_t> when(bool present, std::int64_t cents) { return present ? std::optional(cents) : std::nullopt; }

constexpr std::int64_t kTaxPercent = 8;
const char* kStoreNames[] = {"", "Main Website\nMain Website Store\nDefault Store View",
                             "Main Website\nMain Website Store\nFrançais", "Wholesale\nWholesale Store\nWholesale English"};

std::string statusOf(OrderState state) { return state == OrderState::Pending ? "pending" : stateCode(state); }

// As Magento 1's eav/entity_increment_numeric with increment_per_store: the store id, then the
// store's own counter padded to eight digits (store 2's first order is 200000001).
std::string incrementId(std::int64_t store, std::int64_t number) { return fmt::format("{}{:08}", store, number); }

// What Magento 1 serializes into sales_flat_order_item.product_options.
std::string productOptions(const ProductInfo& product, std::int64_t qty, std::uint64_t seed, std::int64_t itemId) {
  Random random(seed, 5, static_cast<std::uint64_t>(itemId));
  std::vector<std::pair<std::string, std::string>> request = {
      {Php::string("uenc"), Php::string("aHR0cDovL3Nob3AuZXhhbXBsZS5jb20vY2F0YWxvZy5odG1s")},
      {Php::string("product"), Php::string(std::to_string(product.id))},
      {Php::string("form_key"), Php::string(random.hex(16))},
      {Php::string("qty"), Php::integer(qty)},
  };
  std::vector<std::pair<std::string, std::string>> options = {{Php::string("info_buyRequest"), Php::array(request)}};
  if (product.id % 3 == 0) {
    std::vector<std::pair<std::string, std::string>> colour = {
        {Php::string("label"), Php::string("Colour")}, {Php::string("value"), Php::string(product.colour)},
        {Php::string("option_id"), Php::string(std::to_string(product.id * 10))}};
    options.emplace_back(Php::string("options"), Php::array({{Php::integer(0), Php::array(colour)}}));
  }
  return Php::array(options);
}

}  // namespace

void SalesSection::write() {
  for (std::int64_t i = 0; i < plan_.orders(); ++i) {
    Order current = makeOrder(i);
    quote(current);
    order(current);
    items(current);
    addresses(current);
    payment(current);
    history(current);
    grid(current);
    if (Plan::isInvoiced(current.state)) invoice(current);
    if (Plan::isShipped(current.state)) shipment(current);
    if (Plan::isRefunded(current.state)) creditmemo(current);
  }
  for (std::int64_t q = 0; q < plan_.abandonedQuotes(); ++q) abandonedQuote(q);
  lastIncrements();
}

void SalesSection::lastIncrements() {
  static const TableSpec table{"eav_entity_store",
                               {"entity_store_id", "entity_type_id", "store_id", "increment_prefix", "increment_last_id"}};
  const std::pair<int, const Counters*> types[] = {{attribute::kOrder, &orderNumbers_},
                                                   {attribute::kInvoice, &invoiceNumbers_},
                                                   {attribute::kCreditmemo, &creditmemoNumbers_},
                                                   {attribute::kShipment, &shipmentNumbers_}};
  std::int64_t id = 0;
  for (const auto& [type, numbers] : types) {
    for (std::size_t store = 0; store < numbers->size(); ++store) {
      std::int64_t last = (*numbers)[store];
      if (last == 0) continue;  // Magento 1 adds the row with the store's first document
      auto storeId = static_cast<std::int64_t>(store);
      sink_.add(table, {n(++id), n(type), n(storeId), t(std::to_string(storeId)), t(incrementId(storeId, last))});
    }
  }
}

SalesSection::Order SalesSection::makeOrder(std::int64_t i) {
  Random random(seed_, 6, static_cast<std::uint64_t>(i));
  Order o;
  o.index = i;
  o.id = i + 1;
  o.state = Plan::orderState(i);
  o.customer = plan_.orderCustomer(i);
  o.person = o.customer ? people_.customer(*o.customer) : people_.guest(i);
  o.store = o.customer ? Plan::customerStore(*o.customer) : 1 + i % 2;
  o.incrementId = incrementId(o.store, ++orderNumbers_.at(o.store));
  o.storeName = kStoreNames[o.store];
  // Two years of orders, in increment order, whatever the scale.
  o.created = kStoreOpened + 86400 * 365 + i * (86400 * 730) / plan_.orders() + random.between(0, 3599);
  o.updated = o.created + (o.state == OrderState::Pending ? 0 : random.between(3600, 86400 * 5));
  bool discounted = i % 7 == 0;
  o.isVirtual = true;
  for (std::int64_t j = 0; j < Plan::itemCount(i); ++j) {
    Line line;
    line.itemId = ++itemId_;
    line.product = products_.product(plan_.orderProduct(i, j));
    line.qty = 1 + (i + j) % 3;
    line.price = line.product.priceCents;
    line.row = line.price * line.qty;
    line.discount = discounted ? line.row / 10 : 0;
    line.tax = (line.row - line.discount) * kTaxPercent / 100;
    line.hiddenTax = line.discount * kTaxPercent / (100 + kTaxPercent);
    o.qty += line.qty;
    o.subtotal += line.row;
    o.discount += line.discount;
    o.tax += line.tax;
    o.hiddenTax += line.hiddenTax;
    o.weight += line.product.weightGrams * line.qty;
    o.isVirtual = o.isVirtual && line.product.type == "virtual";
    o.lines.push_back(std::move(line));
  }
  o.shipping = o.isVirtual ? 0 : 500 + 250 * (Plan::itemCount(i) - 1);
  o.grand = o.subtotal - o.discount + o.tax + o.shipping;
  return o;
}

std::string SalesSection::billingName(const Order& o) const {
  return o.person.middlename ? fmt::format("{} {} {}", o.person.firstname, *o.person.middlename, o.person.lastname)
                             : fmt::format("{} {}", o.person.firstname, o.person.lastname);
}

void SalesSection::quote(const Order& o) {
  bool guest = !o.customer;
  quotes_("entity_id", n(o.id))("store_id", n(o.store))("created_at", F::datetime(o.created - 1800))(
      "updated_at", F::datetime(o.created))("converted_at", F::datetime(o.created))("is_active", n(0))(
      "is_virtual", flag(o.isVirtual))("is_multi_shipping", n(0))("items_count", n(static_cast<std::int64_t>(o.lines.size())))(
      "items_qty", F::quantity(o.qty))("orig_order_id", n(0))("store_to_base_rate", F::quantity(1))(
      "store_to_quote_rate", F::quantity(1))("base_currency_code", t("USD"))("store_currency_code", t("USD"))(
      "quote_currency_code", t("USD"))
      .amounts("grand_total", o.grand)("checkout_method", t(guest ? "guest" : "login_in"))(
          "customer_id", guest ? F::null() : n(*o.customer + 1))("customer_tax_class_id", n(3))(
          "customer_group_id", n(guest ? 0 : 1))("customer_email", t(o.person.email))("customer_prefix", F::null())(
          "customer_firstname", t(o.person.firstname))(
          "customer_middlename", o.person.middlename ? t(*o.person.middlename) : F::null())(
          "customer_lastname", t(o.person.lastname))("customer_suffix", F::null())(
          "customer_dob", guest || !o.person.dob ? F::null() : F::datetime(*o.person.dob))("customer_note", F::null())(
          "customer_note_notify", n(1))("customer_is_guest", flag(guest))("remote_ip", t(fmt::format("10.0.{}.{}", o.index % 250, o.index % 199)))(
          "applied_rule_ids", o.discount ? t("1") : t(""))("reserved_order_id", t(o.incrementId))("password_hash", F::null())(
          "coupon_code", o.discount ? t("SAVE10") : F::null())("global_currency_code", t("USD"))(
          "base_to_global_rate", F::quantity(1))("base_to_quote_rate", F::quantity(1))("customer_taxvat", F::null())(
          "customer_gender", o.person.gender ? n(o.person.gender) : F::null())
      .amounts("subtotal", o.subtotal)
      .amounts("subtotal_with_discount", o.subtotal - o.discount)("is_changed", n(1))("trigger_recollect", n(0))(
          "ext_shipping_info", F::null())("gift_message_id", F::null())("is_persistent", n(0))
      .send(sink_);
  for (const auto& line : o.lines) {
    quoteItems_("item_id", n(line.itemId))("quote_id", n(o.id))("created_at", F::datetime(o.created - 1800))(
        "updated_at", F::datetime(o.created))("product_id", n(line.product.id))("store_id", n(o.store))(
        "parent_item_id", F::null())("is_virtual", flag(line.product.type == "virtual"))("sku", t(line.product.sku))(
        "name", t(line.product.name))("applied_rule_ids", line.discount ? t("1") : t(""))("free_shipping", n(0))(
        "is_qty_decimal", n(0))("no_discount", n(0))("weight", F::quantity(line.product.weightGrams / 1000))(
        "qty", F::quantity(line.qty))
        .amounts("price", line.price)("custom_price", F::null())("discount_percent", F::quantity(line.discount ? 10 : 0))
        .amounts("discount_amount", line.discount)("tax_percent", F::quantity(kTaxPercent))
        .amounts("tax_amount", line.tax)
        .amounts("row_total", line.row)("row_total_with_discount", money(line.row - line.discount))(
            "row_weight", F::quantity(line.product.weightGrams * line.qty / 1000))("product_type", t(line.product.type))
        .amounts("price_incl_tax", line.price + line.price * kTaxPercent / 100)
        .amounts("row_total_incl_tax", line.row + line.tax)
        .amounts("hidden_tax_amount", line.hiddenTax)
        .send(sink_);
  }
}

void SalesSection::abandonedQuote(std::int64_t q) {
  Random random(seed_, 7, static_cast<std::uint64_t>(q));
  std::int64_t id = plan_.orders() + q + 1;
  std::int64_t created = kStoreOpened + 86400 * 1095 + q * 3600 + random.between(0, 3599);
  bool guest = q % 3 == 2;
  std::int64_t customer = static_cast<std::int64_t>(random.below(static_cast<std::uint64_t>(plan_.customers())));
  Person person = guest ? people_.guest(-1000000 - q) : people_.customer(customer);
  ProductInfo product = products_.product(static_cast<std::int64_t>(random.below(static_cast<std::uint64_t>(plan_.products()))));
  std::int64_t store = guest ? 1 : Plan::customerStore(customer);
  std::int64_t tax = product.priceCents * kTaxPercent / 100;
  quotes_("entity_id", n(id))("store_id", n(store))("created_at", F::datetime(created))("updated_at", F::datetime(created + 600))(
      "converted_at", F::zeroDate())("is_active", n(1))("is_virtual", flag(product.type == "virtual"))("is_multi_shipping", n(0))(
      "items_count", n(1))("items_qty", F::quantity(1))("orig_order_id", n(0))("store_to_base_rate", F::quantity(1))(
      "store_to_quote_rate", F::quantity(1))("base_currency_code", t("USD"))("store_currency_code", t("USD"))(
      "quote_currency_code", t("USD"))
      .amounts("grand_total", product.priceCents + tax)("checkout_method", guest ? F::null() : t("login_in"))(
          "customer_id", guest ? F::null() : n(customer + 1))("customer_tax_class_id", n(3))("customer_group_id", n(guest ? 0 : 1))(
          "customer_email", guest ? F::null() : t(person.email))("customer_prefix", F::null())(
          "customer_firstname", guest ? F::null() : t(person.firstname))("customer_middlename", F::null())(
          "customer_lastname", guest ? F::null() : t(person.lastname))("customer_suffix", F::null())("customer_dob", F::null())(
          "customer_note", F::null())("customer_note_notify", n(1))("customer_is_guest", flag(guest))(
          "remote_ip", t("192.168.0.1"))("applied_rule_ids", t(""))("reserved_order_id", F::null())("password_hash", F::null())(
          "coupon_code", F::null())("global_currency_code", t("USD"))("base_to_global_rate", F::quantity(1))(
          "base_to_quote_rate", F::quantity(1))("customer_taxvat", F::null())("customer_gender", F::null())
      .amounts("subtotal", product.priceCents)
      .amounts("subtotal_with_discount", product.priceCents)("is_changed", n(1))("trigger_recollect", n(0))(
          "ext_shipping_info", F::null())("gift_message_id", F::null())("is_persistent", n(q % 10 == 0 ? 1 : 0))
      .send(sink_);
  quoteItems_("item_id", n(++itemId_))("quote_id", n(id))("created_at", F::datetime(created))("updated_at", F::datetime(created + 600))(
      "product_id", n(product.id))("store_id", n(store))("parent_item_id", F::null())("is_virtual", flag(product.type == "virtual"))(
      "sku", t(product.sku))("name", t(product.name))("applied_rule_ids", t(""))("free_shipping", n(0))("is_qty_decimal", n(0))(
      "no_discount", n(0))("weight", F::quantity(product.weightGrams / 1000))("qty", F::quantity(1))
      .amounts("price", product.priceCents)("custom_price", F::null())("discount_percent", F::quantity(0))
      .amounts("discount_amount", 0)("tax_percent", F::quantity(kTaxPercent))
      .amounts("tax_amount", tax)
      .amounts("row_total", product.priceCents)("row_total_with_discount", money(product.priceCents))(
          "row_weight", F::quantity(product.weightGrams / 1000))("product_type", t(product.type))
      .amounts("price_incl_tax", product.priceCents + tax)
      .amounts("row_total_incl_tax", product.priceCents + tax)
      .amounts("hidden_tax_amount", 0)
      .send(sink_);
}

void SalesSection::order(const Order& o) {
  bool invoiced = Plan::isInvoiced(o.state), refunded = Plan::isRefunded(o.state);
  bool canceled = o.state == OrderState::Canceled, guest = !o.customer;
  Random random(seed_, 8, static_cast<std::uint64_t>(o.index));
  orders_("entity_id", n(o.id))("state", t(stateCode(o.state)))("status", t(statusOf(o.state)))(
      "coupon_code", o.discount ? t("SAVE10") : F::null())("protect_code", t(random.hex(6)))(
      "shipping_description", o.isVirtual ? F::null() : t("Flat Rate - Fixed"))("is_virtual", flag(o.isVirtual))(
      "store_id", n(o.store))("customer_id", guest ? F::null() : n(*o.customer + 1))
      .amounts("discount_amount", -o.discount)
      .amounts("discount_invoiced", when(invoiced, -o.discount))
      .amounts("discount_refunded", when(refunded, -o.discount))
      .amounts("discount_canceled", when(canceled, -o.discount))
      .amounts("grand_total", o.grand)
      .amounts("shipping_amount", o.shipping)
      .amounts("shipping_invoiced", when(invoiced, o.shipping))
      .amounts("shipping_refunded", when(refunded, o.shipping))
      .amounts("shipping_canceled", when(canceled, o.shipping))
      .amounts("shipping_tax_amount", 0)
      .amounts("subtotal", o.subtotal)
      .amounts("subtotal_invoiced", when(invoiced, o.subtotal))
      .amounts("subtotal_refunded", when(refunded, o.subtotal))
      .amounts("subtotal_canceled", when(canceled, o.subtotal))
      .amounts("tax_amount", o.tax)
      .amounts("tax_invoiced", when(invoiced, o.tax))
      .amounts("tax_refunded", when(refunded, o.tax))
      .amounts("tax_canceled", when(canceled, o.tax))
      .amounts("total_invoiced", when(invoiced, o.grand))
      .amounts("total_paid", when(invoiced, o.grand))
      .amounts("total_refunded", when(refunded, o.grand))
      .amounts("total_offline_refunded", when(refunded, o.grand))
      .amounts("total_online_refunded", when(refunded, 0))
      .amounts("total_canceled", when(canceled, o.grand))
      .amounts("total_due", invoiced || canceled ? 0 : o.grand)
      .amounts("subtotal_incl_tax", o.subtotal + o.tax)
      .amounts("shipping_discount_amount", 0)
      .amounts("shipping_incl_tax", o.shipping)("base_total_invoiced_cost", moneyIf(invoiced, 0))(
          "total_qty_ordered", F::quantity(o.qty))("base_total_qty_ordered", F::quantity(o.qty))(
          "base_to_global_rate", F::quantity(1))("base_to_order_rate", F::quantity(1))(
          "store_to_base_rate", F::quantity(1))("store_to_order_rate", F::quantity(1))("customer_is_guest", flag(guest))(
          "customer_note_notify", n(1))("billing_address_id", n(2 * o.id - 1))(
          "shipping_address_id", o.isVirtual ? F::null() : n(2 * o.id))("customer_group_id", n(guest ? 0 : 1))(
          "email_sent", o.state == OrderState::Pending ? F::null() : n(1))("quote_id", n(o.id))(
          "weight", F::quantity(o.weight / 1000))(
          "customer_dob", guest || !o.person.dob ? F::null() : F::datetime(*o.person.dob))("increment_id", t(o.incrementId))(
          "applied_rule_ids", o.discount ? t("1") : F::null())("base_currency_code", t("USD"))(
          "customer_email", t(o.person.email))("customer_firstname", t(o.person.firstname))(
          "customer_lastname", t(o.person.lastname))(
          "customer_middlename", o.person.middlename ? t(*o.person.middlename) : F::null())(
          "discount_description", o.discount ? t("SAVE10") : F::null())("global_currency_code", t("USD"))(
          "order_currency_code", t("USD"))("remote_ip", t(fmt::format("10.0.{}.{}", o.index % 250, o.index % 199)))(
          "x_forwarded_for", o.index % 4 == 0 ? t("203.0.113.7, 10.0.0.1") : F::null())(
          "shipping_method", o.isVirtual ? F::null() : t("flatrate_flatrate"))("store_currency_code", t("USD"))(
          "store_name", t(o.storeName))("customer_note", o.index % 9 == 0 ? t("Bitte nicht klingeln — leave it at the door, it's \"fragile\"") : F::null())(
          "created_at", F::datetime(o.created))("updated_at", F::datetime(o.updated))(
          "total_item_count", n(static_cast<std::int64_t>(o.lines.size())))(
          "customer_gender", o.person.gender ? n(o.person.gender) : F::null())
      .amounts("hidden_tax_amount", o.hiddenTax)("shipping_hidden_tax_amount", money(0))("base_shipping_hidden_tax_amnt", money(0))
      .amounts("hidden_tax_invoiced", when(invoiced, o.hiddenTax))
      .amounts("hidden_tax_refunded", when(refunded, o.hiddenTax))("gift_message_id", F::null())(
          "paypal_ipn_customer_notified", n(0))
      .send(sink_);
}

void SalesSection::items(const Order& o) {
  bool invoiced = Plan::isInvoiced(o.state), shipped = Plan::isShipped(o.state), refunded = Plan::isRefunded(o.state);
  bool canceled = o.state == OrderState::Canceled;
  for (const auto& line : o.lines) {
    const auto& product = line.product;
    orderItems_("item_id", n(line.itemId))("order_id", n(o.id))("parent_item_id", F::null())("quote_item_id", n(line.itemId))(
        "store_id", n(o.store))("created_at", F::datetime(o.created))("updated_at", F::datetime(o.updated))(
        "product_id", n(product.id))("product_type", t(product.type))(
        "product_options", t(productOptions(product, line.qty, seed_, line.itemId)))(
        "weight", F::quantity(product.weightGrams / 1000))("is_virtual", flag(product.type == "virtual"))("sku", t(product.sku))(
        "name", t(product.name))("description", F::null())("applied_rule_ids", line.discount ? t("1") : F::null())(
        "additional_data", F::null())("free_shipping", n(0))("is_qty_decimal", n(0))("no_discount", n(0))(
        "qty_backordered", F::null())("qty_canceled", F::quantity(canceled ? line.qty : 0))(
        "qty_invoiced", F::quantity(invoiced ? line.qty : 0))("qty_ordered", F::quantity(line.qty))(
        "qty_refunded", F::quantity(refunded ? line.qty : 0))("qty_shipped", F::quantity(shipped ? line.qty : 0))(
        "base_cost", F::null())
        .amounts("price", line.price)
        .amounts("original_price", line.price)("tax_percent", F::quantity(kTaxPercent))
        .amounts("tax_amount", line.tax)
        .amounts("tax_invoiced", invoiced ? line.tax : 0)("discount_percent", F::quantity(line.discount ? 10 : 0))
        .amounts("discount_amount", line.discount)
        .amounts("discount_invoiced", invoiced ? line.discount : 0)
        .amounts("amount_refunded", refunded ? line.row : 0)
        .amounts("row_total", line.row)
        .amounts("row_invoiced", invoiced ? line.row : 0)("row_weight", F::quantity(product.weightGrams * line.qty / 1000))
        .amounts("price_incl_tax", line.price + line.price * kTaxPercent / 100)
        .amounts("row_total_incl_tax", line.row + line.tax)
        .amounts("hidden_tax_amount", line.hiddenTax)
        .amounts("hidden_tax_invoiced", when(invoiced, line.hiddenTax))
        .amounts("hidden_tax_refunded", when(refunded, line.hiddenTax))("is_nominal", n(0))(
            "tax_canceled", moneyIf(canceled, line.tax))("hidden_tax_canceled", moneyIf(canceled, line.hiddenTax))
        .amounts("tax_refunded", when(refunded, line.tax))
        .amounts("discount_refunded", when(refunded, line.discount))("gift_message_id", F::null())(
            "gift_message_available", F::null())("weee_tax_applied", t(Php::array({})))
        .amounts("weee_tax_applied_amount", 0)("weee_tax_applied_row_amount", money(0))(
            "base_weee_tax_applied_row_amnt", money(0))
        .amounts("weee_tax_disposition", 0)
        .amounts("weee_tax_row_disposition", 0)
        .send(sink_);
  }
}

void SalesSection::addresses(const Order& o) {
  std::optional<std::int64_t> customerAddress;
  if (o.customer) customerAddress = Plan::firstAddressId(*o.customer);
  for (int kind = 0; kind < 2; ++kind) {
    std::int64_t id = 2 * o.id - 1 + kind;
    bool shipping = kind == 1;
    const Person& p = o.person;
    orderAddresses_("entity_id", n(id))("parent_id", n(o.id))(
        "customer_address_id", customerAddress ? n(*customerAddress + (shipping ? Plan::addressCount(*o.customer) - 1 : 0)) : F::null())(
        "quote_address_id", F::null())("region_id", F::null())("customer_id", o.customer ? n(*o.customer + 1) : F::null())(
        "fax", F::null())("region", p.region.empty() ? F::null() : t(p.region))("postcode", t(p.postcode))(
        "lastname", t(p.lastname))("street", t(p.street))("city", t(p.city))("email", t(p.email))(
        "telephone", t(p.telephone))("country_id", t(p.countryId))("firstname", t(p.firstname))(
        "address_type", t(shipping ? "shipping" : "billing"))("prefix", F::null())(
        "middlename", p.middlename ? t(*p.middlename) : F::null())("suffix", F::null())(
        "company", o.index % 6 == 1 ? t("Müller & Söhne GmbH") : F::null())("vat_id", F::null())("vat_is_valid", F::null())(
        "vat_request_id", F::null())("vat_request_date", F::null())("vat_request_success", F::null())
        .send(sink_);
  }
}

void SalesSection::payment(const Order& o) {
  bool invoiced = Plan::isInvoiced(o.state), refunded = Plan::isRefunded(o.state);
  Random random(seed_, 9, static_cast<std::uint64_t>(o.index));
  int method = static_cast<int>(o.index % 3);
  F info = F::null();
  if (method == 2) {
    info = t(Php::array({{Php::string("paypal_payer_id"), Php::string(random.hex(13))},
                         {Php::string("paypal_payer_email"), Php::string(o.person.email)},
                         {Php::string("paypal_payer_status"), Php::string("verified")},
                         {Php::string("paypal_correlation_id"), Php::string(random.hex(13))}}));
  } else if (method == 0) {
    info = t(Php::array({}));
  }
  payments_("entity_id", n(o.id))("parent_id", n(o.id))
      .amounts("shipping_captured", when(invoiced, o.shipping))
      .amounts("amount_paid", when(invoiced, o.grand))
      .amounts("amount_refunded", when(refunded, o.grand))
      .amounts("amount_ordered", o.grand)
      .amounts("shipping_amount", o.shipping)
      .amounts("amount_authorized", when(method == 2, o.grand))("quote_payment_id", F::null())(
          "method", t(method == 0 ? "checkmo" : method == 1 ? "ccsave" : "paypal_express"))(
          "cc_type", method == 1 ? t("VI") : F::null())("cc_last4", method == 1 ? t(o.index % 2 ? "1111" : "0004") : F::null())(
          "cc_owner", method == 1 ? t(billingName(o)) : F::null())("cc_exp_month", method == 1 ? t("0") : t("0"))(
          "cc_exp_year", method == 1 ? t("2019") : t("0"))("cc_number_enc", method == 1 ? t(random.hex(24) + "==") : F::null())(
          "cc_ss_start_month", t("0"))("cc_ss_start_year", t("0"))("po_number", F::null())(
          "last_trans_id", method == 2 ? t(random.hex(17)) : F::null())("paybox_request_number", F::null())(
          "additional_information", info)
      .send(sink_);
}

void SalesSection::history(const Order& o) {
  auto add = [&](const char* status, std::int64_t at, std::optional<std::string> comment, const char* entity, bool notified) {
    history_("entity_id", n(++historyId_))("parent_id", n(o.id))("is_customer_notified", notified ? n(1) : F::null())(
        "is_visible_on_front", n(0))("comment", comment ? t(*comment) : F::null())("status", t(status))(
        "created_at", F::datetime(at))("entity_name", t(entity))
        .send(sink_);
  };
  add("pending", o.created, std::nullopt, "order", true);
  if (Plan::isInvoiced(o.state))
    add("processing", o.created + 600, fmt::format("Captured amount of ${}.{:02} online.", o.grand / 100, o.grand % 100), "invoice", false);
  if (Plan::isShipped(o.state)) add("complete", o.updated - 60, "Shipped via C:\\Carrier\\Flat 'rate'", "shipment", true);
  if (o.state == OrderState::Canceled) add("canceled", o.updated, "Customer changed their mind.", "order", false);
  if (o.state == OrderState::Closed) add("closed", o.updated, "Refunded amount of the whole order — damaged in transit.", "creditmemo", true);
}

void SalesSection::grid(const Order& o) {
  bool invoiced = Plan::isInvoiced(o.state);
  orderGrid_("entity_id", n(o.id))("status", t(statusOf(o.state)))("store_id", n(o.store))("store_name", t(o.storeName))(
      "customer_id", o.customer ? n(*o.customer + 1) : F::null())
      .amounts("grand_total", o.grand)
      .amounts("total_paid", when(invoiced, o.grand))("increment_id", t(o.incrementId))("base_currency_code", t("USD"))(
          "order_currency_code", t("USD"))("shipping_name", o.isVirtual ? F::null() : t(billingName(o)))(
          "billing_name", t(billingName(o)))("created_at", F::datetime(o.created))("updated_at", F::datetime(o.updated))
      .send(sink_);
}

void SalesSection::documentItem(RowBuilder& rows, std::int64_t id, std::int64_t parent, const Line& line) {
  rows("entity_id", n(id))("parent_id", n(parent))
      .amounts("price", line.price)
      .amounts("tax_amount", line.tax)
      .amounts("row_total", line.row)
      .amounts("discount_amount", line.discount)
      .amounts("price_incl_tax", line.price + line.price * kTaxPercent / 100)
      .amounts("row_total_incl_tax", line.row + line.tax)("qty", F::quantity(line.qty))("base_cost", F::null())(
          "product_id", n(line.product.id))("order_item_id", n(line.itemId))("additional_data", F::null())(
          "description", F::null())("sku", t(line.product.sku))("name", t(line.product.name))
      .amounts("hidden_tax_amount", line.hiddenTax)
      .send(sink_);
}

void SalesSection::invoice(const Order& o) {
  std::int64_t id = ++invoiceId_;
  lastInvoiceId_ = id;
  std::string increment = incrementId(o.store, ++invoiceNumbers_.at(o.store));
  std::int64_t at = o.created + 600;
  invoices_("entity_id", n(id))("store_id", n(o.store))
      .amounts("grand_total", o.grand)
      .amounts("tax_amount", o.tax)
      .amounts("shipping_tax_amount", 0)
      .amounts("discount_amount", -o.discount)
      .amounts("shipping_amount", o.shipping)
      .amounts("subtotal", o.subtotal)
      .amounts("subtotal_incl_tax", o.subtotal + o.tax)("store_to_order_rate", F::quantity(1))(
          "base_to_order_rate", F::quantity(1))("store_to_base_rate", F::quantity(1))("base_to_global_rate", F::quantity(1))(
          "total_qty", F::quantity(o.qty))("billing_address_id", n(2 * o.id - 1))(
          "is_used_for_refund", Plan::isRefunded(o.state) ? n(1) : F::null())("order_id", n(o.id))("email_sent", n(1))(
          "can_void_flag", n(0))("state", n(2))("shipping_address_id", o.isVirtual ? F::null() : n(2 * o.id))(
          "store_currency_code", t("USD"))("transaction_id", F::null())("order_currency_code", t("USD"))(
          "base_currency_code", t("USD"))("global_currency_code", t("USD"))("increment_id", t(increment))(
          "created_at", F::datetime(at))("updated_at", F::datetime(at))
      .amounts("hidden_tax_amount", o.hiddenTax)("shipping_hidden_tax_amount", money(0))("base_shipping_hidden_tax_amnt", money(0))
      .amounts("shipping_incl_tax", o.shipping)("base_total_refunded", moneyIf(Plan::isRefunded(o.state), o.grand))(
          "discount_description", o.discount ? t("SAVE10") : F::null())
      .send(sink_);
  for (const auto& line : o.lines) documentItem(invoiceItems_, ++invoiceItemId_, id, line);
  invoiceGrid_("entity_id", n(id))("store_id", n(o.store))
      .amounts("grand_total", o.grand)("order_id", n(o.id))("state", n(2))("store_currency_code", t("USD"))(
          "order_currency_code", t("USD"))("base_currency_code", t("USD"))("global_currency_code", t("USD"))(
          "increment_id", t(increment))("order_increment_id", t(o.incrementId))("created_at", F::datetime(at))(
          "order_created_at", F::datetime(o.created))("billing_name", t(billingName(o)))
      .send(sink_);
}

void SalesSection::shipment(const Order& o) {
  std::int64_t id = ++shipmentId_;
  std::string increment = incrementId(o.store, ++shipmentNumbers_.at(o.store));
  std::int64_t at = o.updated - 60;
  std::string packages = Php::array({{Php::integer(1), Php::array({{Php::string("params"), Php::array({
      {Php::string("weight"), Php::string(fmt::format("{}", o.weight / 1000))},
      {Php::string("container"), Php::string("")}})}})}});
  shipments_("entity_id", n(id))("store_id", n(o.store))("total_weight", F::quantity(o.weight / 1000))(
      "total_qty", F::quantity(o.qty))("email_sent", o.index % 2 ? n(1) : F::null())("order_id", n(o.id))(
      "customer_id", o.customer ? n(*o.customer + 1) : F::null())("shipping_address_id", n(2 * o.id))(
      "billing_address_id", n(2 * o.id - 1))("shipment_status", F::null())("increment_id", t(increment))(
      "created_at", F::datetime(at))("updated_at", F::datetime(at))("packages", o.index % 5 == 0 ? t(packages) : F::null())(
      "shipping_label", F::null())
      .send(sink_);
  for (const auto& line : o.lines) {
    shipmentItems_("entity_id", n(++shipmentItemId_))("parent_id", n(id))("row_total", F::null())(
        "price", money(line.price))("weight", F::quantity(line.product.weightGrams / 1000))("qty", F::quantity(line.qty))(
        "product_id", n(line.product.id))("order_item_id", n(line.itemId))("additional_data", F::null())(
        "description", F::null())("name", t(line.product.name))("sku", t(line.product.sku))
        .send(sink_);
  }
  shipmentGrid_("entity_id", n(id))("store_id", n(o.store))("total_qty", F::quantity(o.qty))("order_id", n(o.id))(
      "shipment_status", F::null())("increment_id", t(increment))("order_increment_id", t(o.incrementId))(
      "created_at", F::datetime(at))("order_created_at", F::datetime(o.created))("shipping_name", t(billingName(o)))
      .send(sink_);
}

void SalesSection::creditmemo(const Order& o) {
  std::int64_t id = ++creditmemoId_;
  std::string increment = incrementId(o.store, ++creditmemoNumbers_.at(o.store));
  std::int64_t at = o.updated;
  creditmemos_("entity_id", n(id))("store_id", n(o.store))
      .amounts("adjustment_positive", 0)
      .amounts("adjustment_negative", 0)
      .amounts("adjustment", 0)
      .amounts("shipping_tax_amount", 0)
      .amounts("discount_amount", -o.discount)
      .amounts("grand_total", o.grand)
      .amounts("subtotal_incl_tax", o.subtotal + o.tax)
      .amounts("shipping_amount", o.shipping)
      .amounts("subtotal", o.subtotal)
      .amounts("tax_amount", o.tax)("store_to_order_rate", F::quantity(1))("base_to_order_rate", F::quantity(1))(
          "store_to_base_rate", F::quantity(1))("base_to_global_rate", F::quantity(1))("order_id", n(o.id))(
          "email_sent", F::null())("creditmemo_status", F::null())("state", n(2))(
          "shipping_address_id", n(2 * o.id))("billing_address_id", n(2 * o.id - 1))("invoice_id", n(lastInvoiceId_))(
          "store_currency_code", t("USD"))("order_currency_code", t("USD"))("base_currency_code", t("USD"))(
          "global_currency_code", t("USD"))("transaction_id", F::null())("increment_id", t(increment))(
          "created_at", F::datetime(at))("updated_at", F::datetime(at))
      .amounts("hidden_tax_amount", o.hiddenTax)("shipping_hidden_tax_amount", money(0))("base_shipping_hidden_tax_amnt", money(0))
      .amounts("shipping_incl_tax", o.shipping)("discount_description", o.discount ? t("SAVE10") : F::null())
      .send(sink_);
  for (const auto& line : o.lines) documentItem(creditmemoItems_, ++creditmemoItemId_, id, line);
  creditmemoGrid_("entity_id", n(id))("store_id", n(o.store))("store_to_order_rate", F::quantity(1))(
      "base_to_order_rate", F::quantity(1))("store_to_base_rate", F::quantity(1))("base_to_global_rate", F::quantity(1))
      .amounts("grand_total", o.grand)("order_id", n(o.id))("creditmemo_status", F::null())("state", n(2))(
          "invoice_id", n(lastInvoiceId_))("store_currency_code", t("USD"))("order_currency_code", t("USD"))(
          "base_currency_code", t("USD"))("global_currency_code", t("USD"))("increment_id", t(increment))(
          "order_increment_id", t(o.incrementId))("created_at", F::datetime(at))("order_created_at", F::datetime(o.created))(
          "billing_name", t(billingName(o)))
      .send(sink_);
}

}  // namespace m2stage::sample
