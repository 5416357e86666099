// SalesIncrement arithmetic: the number part of Magento 1 increment ids, the sequence tables per
// type and store (store 0, missing eav_entity_store rows, types not per store), and duplicate
// increment ids.
#include <gtest/gtest.h>

#include "schema/SalesSequence.hpp"

namespace m2stage::schema {
namespace {

TEST(SalesSequenceTest, TheNumberIsTheLastIdWithoutItsPrefix) {
  EXPECT_EQ(incrementNumber("1", "100000123"), 123u);
  EXPECT_EQ(incrementNumber("2", "200000007"), 7u);
  EXPECT_EQ(incrementNumber("0", "000000001"), 1u);   // the admin store
  EXPECT_EQ(incrementNumber("", "100000123"), 100000123u);
  EXPECT_EQ(incrementNumber(std::nullopt, "42"), 42u);
  // A prefix the id does not start with is not stripped.
  EXPECT_EQ(incrementNumber("9", "100000123"), 100000123u);
  // No order yet.
  EXPECT_EQ(incrementNumber("1", std::nullopt), 0u);
  EXPECT_EQ(incrementNumber("1", ""), 0u);
  EXPECT_EQ(incrementNumber("1", "1"), 0u);
  // Letters in front: the trailing digits.
  EXPECT_EQ(incrementNumber("ORD-", "ORD-00042"), 42u);
  EXPECT_EQ(incrementNumber("", "INV-00042"), 42u);
  // No digits, or beyond the sequence maximum.
  EXPECT_EQ(incrementNumber("", "ABC"), std::nullopt);
  EXPECT_EQ(incrementNumber("1", "1ABC"), std::nullopt);
  EXPECT_EQ(incrementNumber("", "4294967295"), 4294967295u);
  EXPECT_EQ(incrementNumber("", "4294967296"), std::nullopt);
  EXPECT_EQ(incrementNumber("", "99999999999999999999999"), std::nullopt);
}

TEST(SalesSequenceTest, EveryTypeForEveryStoreContinuesAfterMagento1) {
  std::vector<EntityStoreRow> rows = {{"order", 1, "1", "100000123"},
                                      {"order", 2, "2", "200000007"},
                                      {"invoice", 1, "1", "100000050"},
                                      {"shipment", 1, "1", "BROKEN"}};
  auto plans = planSequences({0, 1, 2}, rows);
  ASSERT_EQ(plans.size(), 12u);  // 4 types x 3 stores
  auto find = [&](const std::string& type, std::int64_t store) {
    for (const auto& plan : plans)
      if (plan.type == type && plan.storeId == store) return plan;
    ADD_FAILURE() << type << " " << store;
    return SequencePlan{};
  };
  EXPECT_EQ(find("order", 1).table, "sequence_order_1");
  EXPECT_EQ(find("order", 1).last, 123u);
  EXPECT_EQ(find("order", 1).next(), 124u);
  EXPECT_EQ(find("order", 1).prefix(), "1");
  EXPECT_EQ(find("order", 2).last, 7u);
  EXPECT_EQ(find("invoice", 1).last, 50u);
  // Store 0 and stores without a row start at 1.
  EXPECT_EQ(find("order", 0).table, "sequence_order_0");
  EXPECT_EQ(find("order", 0).last, 0u);
  EXPECT_EQ(find("order", 0).prefix(), "0");
  EXPECT_EQ(find("creditmemo", 2).next(), 1u);
  // An unreadable value starts at 1 and says why.
  EXPECT_EQ(find("shipment", 1).last, 0u);
  EXPECT_NE(find("shipment", 1).problem.find("BROKEN"), std::string::npos);
  EXPECT_TRUE(find("order", 1).problem.empty());
}

TEST(SalesSequenceTest, ATypeNotPerStoreTakesTheStoreZeroRow) {
  std::vector<EntityStoreRow> rows = {{"invoice", 0, "", "000000031"}, {"order", 1, "1", "100000002"}};
  auto plans = planSequences({1, 2}, rows, {"invoice"});
  for (const auto& plan : plans) {
    if (plan.type == "invoice") {
      EXPECT_EQ(plan.last, 31u) << plan.table;
    }
    if (plan.type == "order") {
      EXPECT_EQ(plan.last, plan.storeId == 1 ? 2u : 0u) << plan.table;
    }
  }
}

TEST(SalesSequenceTest, DuplicateIncrementIdsPerStore) {
  std::vector<IncrementRow> rows = {{"1", "1", "100000001"}, {"2", "1", "100000002"}, {"3", "1", "100000001"},
                                    {"4", "2", "100000001"},  // another store: no duplicate
                                    {"5", "1", std::nullopt}, {"6", "1", std::nullopt},
                                    {"7", std::nullopt, "X1"}, {"8", std::nullopt, "X1"}, {"9", "1", "100000001"}};
  auto duplicates = findDuplicateIncrements("sales_flat_order", rows);
  ASSERT_EQ(duplicates.size(), 2u);
  // NULL store first.
  EXPECT_EQ(duplicates[0].storeId, std::nullopt);
  EXPECT_EQ(duplicates[0].entityIds, (std::vector<std::string>{"7", "8"}));
  EXPECT_EQ(duplicates[1].incrementId, "100000001");
  EXPECT_EQ(duplicates[1].entityIds, (std::vector<std::string>{"1", "3", "9"}));
  EXPECT_EQ(duplicates[1].message(),
            "Duplicate increment id in sales_flat_order: increment_id 100000001 of store 1 is used by 3 rows (entity_id "
            "1, 3, 9); Magento 2 keeps (increment_id, store_id) unique");
  EXPECT_TRUE(findDuplicateIncrements("sales_flat_invoice", {{"1", "1", "1"}, {"2", "1", "2"}}).empty());
}

}  // namespace
}  // namespace m2stage::schema
