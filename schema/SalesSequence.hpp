// SalesIncrement step, pure logic (official Migration\Step\SalesIncrement\Data): which Magento 2
// sequence tables to create (one per entity type and Magento 1 store), the last Magento 1
// increment number each continues after (eav_entity_store.increment_last_id with
// increment_prefix stripped), the sales_sequence_profile constants, and the duplicate increment
// ids Magento 1 already holds (Magento 2 keys the sales tables on (increment_id, store_id)).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "schema/Table.hpp"

namespace m2stage::schema {

// The sales entity types with a Magento 2 sequence (Magento 1 eav_entity_type codes are the same).
const std::vector<std::string>& salesSequenceTypes();  // order, invoice, creditmemo, shipment

// sales_sequence_profile values, as upstream (prefix = the store id).
inline constexpr std::uint64_t kSequenceStart = 1;
inline constexpr std::uint64_t kSequenceStep = 1;
inline constexpr std::uint64_t kSequenceMax = 4294967295ULL;
inline constexpr std::uint64_t kSequenceWarning = 4294966295ULL;

// "sequence_order_1" (without table prefix).
std::string sequenceTableName(const std::string& type, std::int64_t storeId);

// The number part of a Magento 1 increment id: `lastId` without its leading `prefix` (when it
// starts with it), read as a decimal number; an id that is not all digits then gives its trailing
// digits ("ORD-00042" -> 42). NULL or '' is 0 (no order yet). nullopt: no digits at all, or a
// number above the sequence maximum (4294967295).
std::optional<std::uint64_t> incrementNumber(const Value& prefix, const Value& lastId);

// One eav_entity_store row, with its entity type code.
struct EntityStoreRow {
  std::string typeCode;
  std::int64_t storeId = 0;
  Value prefix, lastId;
};

// One sequence table to create.
struct SequencePlan {
  std::string type;
  std::int64_t storeId = 0;
  std::string table;         // sequence_<type>_<store>
  std::uint64_t last = 0;    // the last Magento 1 number (0: none); the next one is last + 1
  std::string problem;       // non-empty: eav_entity_store's value could not be read (last is 0)
  std::uint64_t next() const { return last + 1; }
  std::string prefix() const { return std::to_string(storeId); }
};

// Every type for every store. A type whose Magento 1 increments are not per store
// (eav_entity_type.increment_per_store = 0, listed in `sharedTypes`) takes the store-0 row for
// every store; a store without a row starts at 1.
std::vector<SequencePlan> planSequences(const std::set<std::int64_t>& storeIds, const std::vector<EntityStoreRow>& rows,
                                        const std::set<std::string>& sharedTypes = {});

// One row of a sales entity table (sales_flat_order, _invoice, _shipment, _creditmemo).
struct IncrementRow {
  std::string entityId;
  Value storeId, incrementId;
};

// The same increment id more than once for one store in one document.
struct DuplicateIncrement {
  std::string document;
  Value storeId;
  std::string incrementId;
  std::vector<std::string> entityIds;
  std::string message() const;
};

// Groups by (store_id, increment_id); rows without an increment id are left out. Sorted by
// store, then increment id.
std::vector<DuplicateIncrement> findDuplicateIncrements(const std::string& document, const std::vector<IncrementRow>& rows);

}  // namespace m2stage::schema
