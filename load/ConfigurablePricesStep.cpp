#include "load/ConfigurablePricesStep.hpp"

#include <cctype>
#include <limits>
#include <string_view>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "audit/Finding.hpp"
#include "load/ChangedAfterLoad.hpp"
#include "load/LoadRecords.hpp"
#include "load/StepTables.hpp"
#include "schema/TablePrefix.hpp"
#include "stage/RowTable.hpp"

namespace m2stage::load {

namespace {

using mariadb::quoteIdentifier;

__extension__ typedef __int128 Wide;  // a price times a percentage, both with 4 places
constexpr std::int64_t kScale = 10000;
constexpr std::size_t kBatchRows = 1000;

const std::string kPricing = "catalog_product_super_attribute_pricing";
const std::string kSuperAttribute = "catalog_product_super_attribute";
const std::string kSuperLink = "catalog_product_super_link";
const std::string kDecimal = "catalog_product_entity_decimal";
const std::string kInt = "catalog_product_entity_int";
const std::string kStore = "core_store";
const std::string kAttribute = "eav_attribute";
const std::string kEntityType = "eav_entity_type";

// "12.5", "-3.1250", "7" -> the value times 10^4 (places beyond the fourth truncated); nullopt
// for anything else.
std::optional<std::int64_t> scaled(std::string_view text) {
  std::size_t at = 0;
  bool negative = false;
  if (at < text.size() && (text[at] == '-' || text[at] == '+')) negative = text[at++] == '-';
  std::int64_t whole = 0, fraction = 0;
  int places = 0;
  bool digits = false;
  for (; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])); ++at) {
    whole = whole * 10 + (text[at] - '0');
    digits = true;
    if (whole > std::numeric_limits<std::int64_t>::max() / (10 * kScale)) return std::nullopt;
  }
  if (at < text.size() && text[at] == '.') {
    for (++at; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])); ++at) {
      digits = true;
      if (places < 4) {
        fraction = fraction * 10 + (text[at] - '0');
        ++places;
      }
    }
  }
  if (!digits || at != text.size()) return std::nullopt;
  for (; places < 4; ++places) fraction *= 10;
  std::int64_t value = whole * kScale + fraction;
  return negative ? -value : value;
}

std::string formatScaled(std::int64_t value) {
  std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  return fmt::format("{}{}.{:04}", value < 0 ? "-" : "", magnitude / kScale, magnitude % kScale);
}

// One (child, store) price for Magento 2.
struct ChildPrice {
  std::string child, store, price;
};

// The join: for every configurable parent and store to price (store 0 for website 0's pricing,
// the stores of each website the parent has pricing for), each child linked to the parent and,
// per super attribute, the pricing of the option the child has (its store-0 value of the
// attribute): the website's own, else website 0's. With the parent's price in that store, else
// in store 0. Ordered by child, store and parent for the fold.
std::string pricingQuery() {
  return fmt::format(
      "WITH targets AS (SELECT DISTINCT sa.product_id AS parent, s.store_id AS store_id, s.website_id AS website_id "
      "FROM {pricing} p JOIN {attribute} sa ON sa._run = p._run AND sa.product_super_attribute_id = "
      "p.product_super_attribute_id JOIN {store} s ON s._run = p._run AND s.website_id = p.website_id WHERE p._run = ?1) "
      "SELECT l.product_id, t.store_id, COALESCE(ds.value, d0.value), "
      "CASE WHEN pw.value_id IS NOT NULL THEN pw.is_percent ELSE p0.is_percent END, "
      "CASE WHEN pw.value_id IS NOT NULL THEN pw.pricing_value ELSE p0.pricing_value END, t.parent "
      "FROM targets t "
      "JOIN {attribute} sa ON sa._run = ?1 AND sa.product_id = t.parent "
      "JOIN {link} l ON l._run = ?1 AND l.parent_id = t.parent "
      "JOIN {int} i ON i._run = ?1 AND i.entity_id = l.product_id AND i.attribute_id = sa.attribute_id AND i.store_id = 0 "
      "LEFT JOIN {pricing} pw ON pw._run = ?1 AND t.website_id <> 0 AND pw.website_id = t.website_id AND "
      "pw.product_super_attribute_id = sa.product_super_attribute_id AND "
      "CAST(pw.value_index AS TEXT) = CAST(i.value AS TEXT) "
      "LEFT JOIN {pricing} p0 ON p0._run = ?1 AND p0.website_id = 0 AND "
      "p0.product_super_attribute_id = sa.product_super_attribute_id AND "
      "CAST(p0.value_index AS TEXT) = CAST(i.value AS TEXT) "
      "LEFT JOIN {decimal} ds ON ds._run = ?1 AND ds.entity_id = t.parent AND ds.attribute_id = ?2 AND "
      "ds.store_id = t.store_id "
      "LEFT JOIN {decimal} d0 ON d0._run = ?1 AND d0.entity_id = t.parent AND d0.attribute_id = ?2 AND d0.store_id = 0 "
      "WHERE pw.value_id IS NOT NULL OR p0.value_id IS NOT NULL "
      "ORDER BY l.product_id, t.store_id, t.parent",
      fmt::arg("pricing", stagedTable(kPricing)), fmt::arg("attribute", stagedTable(kSuperAttribute)),
      fmt::arg("store", stagedTable(kStore)), fmt::arg("link", stagedTable(kSuperLink)), fmt::arg("int", stagedTable(kInt)),
      fmt::arg("decimal", stagedTable(kDecimal)));
}

// Writes batches of prices into Magento 2 and reads each batch back.
class PriceWriter {
 public:
  PriceWriter(mariadb::Connection& destination, std::string table, std::string attributeId)
      : destination_(destination), table_(std::move(table)), attributeId_(std::move(attributeId)) {}

  void add(ChildPrice price) {
    batch_.push_back(std::move(price));
    if (batch_.size() >= kBatchRows) flush();
  }

  void flush() {
    if (batch_.empty()) return;
    std::string values, wanted;
    for (const auto& price : batch_) {
      values += fmt::format("{}({}, {}, {}, {})", values.empty() ? "" : ", ", literal(price.child), literal(attributeId_),
                            literal(price.store), literal(price.price));
      wanted += fmt::format("{}({}, {}, CAST({} AS DECIMAL(20,6)))", wanted.empty() ? "" : ", ", literal(price.child),
                            literal(price.store), literal(price.price));
    }
    destination_.execute(fmt::format("INSERT INTO {} ({}, {}, {}, {}) VALUES {} ON DUPLICATE KEY UPDATE {} = VALUES({})",
                                     quoteIdentifier(table_), quoteIdentifier("entity_id"),
                                     quoteIdentifier("attribute_id"), quoteIdentifier("store_id"),
                                     quoteIdentifier("value"), values, quoteIdentifier("value"),
                                     quoteIdentifier("value")));
    // Volume: every price is in Magento 2 with its value.
    auto found = destination_.queryValue(fmt::format("SELECT COUNT(*) FROM {} WHERE {} = {} AND ({}, {}, {}) IN ({})",
                                                     quoteIdentifier(table_), quoteIdentifier("attribute_id"),
                                                     literal(attributeId_), quoteIdentifier("entity_id"),
                                                     quoteIdentifier("store_id"), quoteIdentifier("value"), wanted));
    auto matched = static_cast<std::size_t>(std::stoll(found.value_or("0")));
    if (matched != batch_.size()) {
      if (!different_)
        firstDifferent_ = fmt::format("first batch from entity_id {} store_id {}", batch_.front().child,
                                      batch_.front().store);
      different_ += static_cast<std::int64_t>(batch_.size() - matched);
    }
    written_ += static_cast<std::int64_t>(batch_.size());
    batch_.clear();
  }

  std::int64_t written() const { return written_; }
  std::int64_t different() const { return different_; }
  const std::string& firstDifferent() const { return firstDifferent_; }

 private:
  std::string literal(const std::string& value) const { return destination_.literal(value, false); }

  mariadb::Connection& destination_;
  std::string table_, attributeId_;
  std::vector<ChildPrice> batch_;
  std::int64_t written_ = 0, different_ = 0;
  std::string firstDifferent_;
};

// Magento 1's `price` attribute of catalog_product, from the staged EAV tables.
std::optional<std::string> stagedPriceAttribute(stage::StageFile& stage, std::int64_t run) {
  SQLite::Statement query(stage.db(), fmt::format("SELECT a.attribute_id FROM {} a JOIN {} t ON t._run = a._run AND "
                                                  "t.entity_type_id = a.entity_type_id WHERE a._run = ? AND "
                                                  "a.attribute_code = 'price' AND t.entity_type_code = 'catalog_product'",
                                                  stagedTable(kAttribute), stagedTable(kEntityType)));
  query.bind(1, run);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

}  // namespace

const std::set<std::string>& ConfigurablePricesStep::stagedDocuments() {
  static const std::set<std::string> documents = {kPricing, kSuperAttribute, kSuperLink, kDecimal,
                                                  kInt,     kStore,          kAttribute, kEntityType};
  return documents;
}

std::optional<std::string> ConfigurablePricesStep::childPrice(const std::string& parentPrice,
                                                              const std::vector<Option>& options) {
  auto base = scaled(parentPrice);
  if (!base) return std::nullopt;
  Wide total = *base, percentages = 0;
  for (const auto& option : options) {
    auto amount = scaled(option.value);
    if (!amount) return std::nullopt;
    (option.percent ? percentages : total) += *amount;
  }
  // Percentages of the parent's price, truncated to 4 places (C++ division truncates toward zero).
  total += static_cast<Wide>(*base) * percentages / (100 * kScale);
  if (total > std::numeric_limits<std::int64_t>::max() || total < std::numeric_limits<std::int64_t>::min())
    return std::nullopt;
  return formatScaled(static_cast<std::int64_t>(total));
}

ConfigurablePricesStep::Result ConfigurablePricesStep::load(mariadb::Connection& destination, stage::StageFile& stage,
                                                            audit::AuditTrail& audit, std::int64_t run,
                                                            const std::string& prefix) const {
  Result result;
  std::string table = schema::withPrefix(kDecimal, prefix);
  if (!destinationHasColumn(destination, table, "entity_id")) {
    spdlog::warn("ConfigurablePrices step: Magento 2 has no {} with an entity_id column; child prices are left alone",
                 table);
    return result;
  }
  const std::vector<std::pair<std::string, std::vector<std::string>>> needed = {
      {kPricing, {"value_id", "product_super_attribute_id", "value_index", "is_percent", "pricing_value", "website_id"}},
      {kSuperAttribute, {"product_super_attribute_id", "product_id", "attribute_id"}},
      {kSuperLink, {"product_id", "parent_id"}},
      {kDecimal, {"entity_id", "attribute_id", "store_id", "value"}},
      {kInt, {"entity_id", "attribute_id", "store_id", "value"}},
      {kStore, {"store_id", "website_id"}},
      {kAttribute, {"attribute_id", "attribute_code", "entity_type_id"}},
      {kEntityType, {"entity_type_id", "entity_type_code"}}};
  std::vector<std::string> missing;
  for (const auto& [document, columns] : needed)
    if (!hasStaged(stage, document, columns)) missing.push_back(document);
  if (!missing.empty()) {
    spdlog::warn("ConfigurablePrices step: run {} staged no Magento 1 {}; child prices are left alone", run,
                 fmt::join(missing, ", "));
    return result;
  }
  auto priceAttribute = stagedPriceAttribute(stage, run);
  if (!priceAttribute) {
    spdlog::warn("ConfigurablePrices step: run {} staged no `price` attribute of catalog_product in eav_attribute; child "
                 "prices are left alone",
                 run);
    return result;
  }
  result.ran = true;

  // Data: as upstream, upserts under Magento 1's price attribute id (the EAV step keeps it, and
  // the Map step loaded the products' other prices under it).
  destination.execute("SET SESSION UNIQUE_CHECKS = 1");  // the upsert relies on the unique key
  PriceWriter writer(destination, table, *priceAttribute);
  SQLite::Statement query(stage.db(), pricingQuery());
  query.bind(1, run);
  query.bind(2, static_cast<std::int64_t>(std::stoll(*priceAttribute)));
  std::optional<ChildPrice> current;  // the (child, store) being folded
  std::string parent;
  std::optional<std::string> base;
  std::vector<Option> options;
  bool secondParent = false;
  auto emit = [&] {
    if (!current) return;
    if (!base) {
      ++result.withoutParentPrice;
    } else if (auto price = childPrice(*base, options)) {
      current->price = *price;
      writer.add(std::move(*current));
    } else {
      ++result.withoutParentPrice;
      spdlog::warn("ConfigurablePrices step: child {} store {}: the parent's price '{}' or a pricing_value of {} is not "
                   "a decimal number; left out",
                   current->child, current->store, *base, kPricing);
    }
    current.reset();
  };
  schema::Value cell;
  while (query.executeStep()) {
    std::string child = query.getColumn(0).getString(), store = query.getColumn(1).getString();
    std::string rowParent = query.getColumn(5).getString();
    if (current && current->child == child && current->store == store) {
      if (rowParent != parent) {
        // A child of two configurable products: the first parent's pricing (lowest parent id) is used.
        if (!secondParent) ++result.otherParents;
        secondParent = true;
        continue;
      }
    } else {
      emit();
      current = ChildPrice{child, store, ""};
      parent = rowParent;
      secondParent = false;
      stage::RowTable::readCell(query, 2, cell);
      base = cell;
      options.clear();
    }
    stage::RowTable::readCell(query, 4, cell);
    options.push_back({cell.value_or("0"), query.getColumn(3).getInt() == 1});
  }
  emit();
  writer.flush();
  destination.execute("SET SESSION UNIQUE_CHECKS = 0");
  result.prices = writer.written();

  std::vector<audit::Finding> findings;
  if (writer.different())
    findings.push_back({"volume_mismatch", "destination", kPricing, "",
                        fmt::format("Mismatch of configurable child prices in {}: {} of {} written prices are not in "
                                    "Magento 2 with their value ({})",
                                    table, writer.different(), writer.written(), writer.firstDifferent()),
                        audit::Severity::Error});
  LoadRecords(stage).replaceFindings(run, {{kPricing, "volume_mismatch"}}, findings);
  result.mismatches = findings.empty() ? 0 : 1;
  recordChangedAfterLoad(audit, run, kDecimal, result.prices, "ConfigurablePrices");
  audit.record(run, "load.configurable_prices", kDecimal, result.prices,
               fmt::format("{} child prices (parent price plus super-attribute pricing) upserted into {}, {} left out "
                           "without a parent price, {} of a second parent left out, {}",
                           result.prices, table, result.withoutParentPrice, result.otherParents,
                           result.mismatches ? fmt::format("{} differ", writer.different()) : "verified"));
  spdlog::info("load: ConfigurablePrices: {} child prices into {}", result.prices, table);
  return result;
}

}  // namespace m2stage::load
