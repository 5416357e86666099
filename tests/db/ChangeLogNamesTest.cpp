// Change-capture names: upstream's names where they fit, never longer than 64 characters.
#include <gtest/gtest.h>

#include <set>

#include "extract/ChangeLogNames.hpp"

namespace m2stage::extract {
namespace {

TEST(ChangeLogNamesTest, ShortNamesAreUpstreamNames) {
  ChangeLogNames plain("");
  EXPECT_EQ(plain.table("sales_flat_order"), "sales_flat_order");
  EXPECT_EQ(plain.changeLog("sales_flat_order"), "m2_cl_sales_flat_order");
  EXPECT_EQ(plain.trigger("sales_flat_order", TriggerEvent::Insert), "trg_sales_flat_order_after_insert");
  EXPECT_EQ(plain.trigger("sales_flat_order", TriggerEvent::Update), "trg_sales_flat_order_after_update");
  EXPECT_EQ(plain.trigger("sales_flat_order", TriggerEvent::Delete), "trg_sales_flat_order_after_delete");

  ChangeLogNames prefixed("Shop_");
  EXPECT_EQ(prefixed.table("sales_flat_order"), "Shop_sales_flat_order");
  EXPECT_EQ(prefixed.table("Shop_sales_flat_order"), "Shop_sales_flat_order");
  EXPECT_EQ(prefixed.changeLog("sales_flat_order"), "Shop_m2_cl_sales_flat_order");
  EXPECT_EQ(prefixed.trigger("sales_flat_order", TriggerEvent::Delete), "trg_shop_sales_flat_order_after_delete");
}

TEST(ChangeLogNamesTest, LongNamesStayWithin64StableAndDistinct) {
  std::string document(59, 'x');
  document.replace(0, 8, "catalog_");
  ChangeLogNames plain("");
  // Unprefixed: upstream's cut of "m2_cl_" + document to 64.
  EXPECT_EQ(plain.changeLog(document), ("m2_cl_" + document).substr(0, 64));

  ChangeLogNames prefixed("magento_");
  auto changeLog = prefixed.changeLog(document);
  EXPECT_EQ(changeLog.size(), 64u) << "upstream would give " << 8 + 6 + document.size();
  EXPECT_TRUE(changeLog.starts_with("magento_m2_cl_catalog_"));

  std::set<std::string> triggers;
  for (auto event : kTriggerEvents) {
    auto name = prefixed.trigger(document, event);
    EXPECT_LE(name.size(), 64u) << name;
    EXPECT_TRUE(name.starts_with("trg_magento_catalog_")) << name;
    EXPECT_TRUE(name.ends_with("_after_" + std::string(event == TriggerEvent::Insert   ? "insert"
                                                       : event == TriggerEvent::Update ? "update"
                                                                                       : "delete")))
        << name;
    EXPECT_EQ(name, ChangeLogNames("magento_").trigger(document, event)) << "stable";
    triggers.insert(name);
  }
  EXPECT_EQ(triggers.size(), 3u);
  // Two long tables sharing their first 38 characters still get different trigger names.
  std::string other = document;
  other.back() = 'y';
  EXPECT_NE(prefixed.trigger(document, TriggerEvent::Insert), prefixed.trigger(other, TriggerEvent::Insert));
}

TEST(ChangeLogNamesTest, APrefixLeavingNoRoomIsRefused) {
  EXPECT_THROW(ChangeLogNames(std::string(60, 'p')).changeLog("sales_flat_order"), std::invalid_argument);
}

}  // namespace
}  // namespace m2stage::extract
