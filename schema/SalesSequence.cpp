#include "schema/SalesSequence.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace m2stage::schema {

const std::vector<std::string>& salesSequenceTypes() {
  static const std::vector<std::string> types = {"order", "invoice", "creditmemo", "shipment"};
  return types;
}

std::string sequenceTableName(const std::string& type, std::int64_t storeId) {
  return fmt::format("sequence_{}_{}", type, storeId);
}

std::optional<std::uint64_t> incrementNumber(const Value& prefix, const Value& lastId) {
  if (!lastId || lastId->empty()) return 0;
  std::string_view text = *lastId;
  if (prefix && !prefix->empty() && text.starts_with(*prefix)) text.remove_prefix(prefix->size());
  // Trailing digits (all of it for a plain number).
  std::size_t start = text.size();
  while (start > 0 && std::isdigit(static_cast<unsigned char>(text[start - 1]))) --start;
  std::string_view digits = text.substr(start);
  if (digits.empty()) return text.empty() ? std::optional<std::uint64_t>(0) : std::nullopt;
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || value > kSequenceMax) return std::nullopt;
  return value;
}

std::vector<SequencePlan> planSequences(const std::set<std::int64_t>& storeIds, const std::vector<EntityStoreRow>& rows,
                                        const std::set<std::string>& sharedTypes) {
  std::map<std::pair<std::string, std::int64_t>, const EntityStoreRow*> byKey;
  for (const auto& row : rows) byKey[{row.typeCode, row.storeId}] = &row;  // the last row of a key wins
  std::vector<SequencePlan> plans;
  for (const auto& type : salesSequenceTypes()) {
    for (auto store : storeIds) {
      SequencePlan plan{type, store, sequenceTableName(type, store)};
      auto found = byKey.find({type, store});
      if (found == byKey.end() && sharedTypes.contains(type)) found = byKey.find({type, 0});
      if (found != byKey.end()) {
        const auto& row = *found->second;
        if (auto number = incrementNumber(row.prefix, row.lastId)) {
          plan.last = *number;
        } else {
          plan.problem = fmt::format("eav_entity_store: increment_last_id '{}' of {} (store {}, increment_prefix '{}') "
                                     "has no number up to {}; sequence_{}_{} starts at 1",
                                     row.lastId.value_or(""), type, row.storeId, row.prefix.value_or(""), kSequenceMax,
                                     type, store);
        }
      }
      plans.push_back(std::move(plan));
    }
  }
  return plans;
}

std::string DuplicateIncrement::message() const {
  return fmt::format("Duplicate increment id in {}: increment_id {} of store {} is used by {} rows (entity_id {}); "
                     "Magento 2 keeps (increment_id, store_id) unique",
                     document, incrementId, storeId.value_or("NULL"), entityIds.size(), fmt::join(entityIds, ", "));
}

std::vector<DuplicateIncrement> findDuplicateIncrements(const std::string& document, const std::vector<IncrementRow>& rows) {
  std::map<std::pair<Value, std::string>, std::vector<std::string>> groups;
  for (const auto& row : rows) {
    if (!row.incrementId) continue;
    groups[{row.storeId, *row.incrementId}].push_back(row.entityId);
  }
  std::vector<DuplicateIncrement> duplicates;
  for (auto& [key, ids] : groups) {
    if (ids.size() < 2) continue;
    duplicates.push_back({document, key.first, key.second, std::move(ids)});
  }
  return duplicates;
}

}  // namespace m2stage::schema
