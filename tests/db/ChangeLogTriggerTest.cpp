// Our capture statement and how it goes into and comes out of trigger bodies (text only; the
// installer tests run the results on a server).
#include <gtest/gtest.h>

#include "extract/ChangeLogTrigger.hpp"

namespace m2stage::extract {
namespace {

TEST(ChangeLogTriggerTest, StatementQuotesIdentifiersUsesTheRightRowAndResetsProcessed) {
  ChangeLogNames names("");
  ChangeLogTrigger insert(names, "catalog_category_product", {"category_id", "product_id"}, TriggerEvent::Insert);
  EXPECT_EQ(insert.statement(),
            "INSERT INTO `m2_cl_catalog_category_product` (`category_id`,`product_id`,`operation`) VALUES "
            "(NEW.`category_id`,NEW.`product_id`,'INSERT') ON DUPLICATE KEY UPDATE `operation` = 'INSERT', "
            "`processed` = 0");
  ChangeLogTrigger remove(names, "catalog_category_product", {"category_id", "product_id"}, TriggerEvent::Delete);
  EXPECT_NE(remove.statement().find("VALUES (OLD.`category_id`,OLD.`product_id`,'DELETE')"), std::string::npos);
  EXPECT_EQ(remove.ownBody(), "BEGIN\n" + remove.statement() + ";\nEND");
  EXPECT_EQ(remove.createSql(remove.name(), remove.ownBody()),
            "CREATE TRIGGER `trg_catalog_category_product_after_delete` AFTER DELETE ON `catalog_category_product` "
            "FOR EACH ROW\n" + remove.ownBody());
}

TEST(ChangeLogTriggerTest, MergeAndRemoveGiveTheOriginalBodyBack) {
  ChangeLogNames names("");
  ChangeLogTrigger ours(names, "sales_flat_order", {"entity_id"}, TriggerEvent::Insert);
  for (std::string original : {"INSERT INTO audit VALUES (NEW.entity_id)", "BEGIN\n  SET @x = 1;\n  SET @y = 2;\nEND"}) {
    auto merged = ours.mergedInto(original);
    EXPECT_TRUE(ours.isIn(merged));
    EXPECT_NE(merged.find(original), std::string::npos);
    EXPECT_EQ(ours.removedFrom(merged), original);
  }
  EXPECT_EQ(ours.removedFrom(ours.ownBody()), std::nullopt);
  EXPECT_FALSE(ours.isIn("INSERT INTO audit VALUES (NEW.entity_id)"));
}

TEST(ChangeLogTriggerTest, StatementsOfAnEarlierKeyAreFoundAndRemoved) {
  ChangeLogNames names("");
  ChangeLogTrigger before(names, "catalog_category_product", {"category_id"}, TriggerEvent::Update);
  ChangeLogTrigger now(names, "catalog_category_product", {"category_id", "product_id"}, TriggerEvent::Update);
  EXPECT_FALSE(now.isIn(before.ownBody()));
  EXPECT_TRUE(now.anyVersionIn(before.ownBody()));
  EXPECT_EQ(now.removedFrom(before.ownBody()), std::nullopt);
  // A hand-edited body: only our statement goes, the rest stays.
  std::string edited = "BEGIN\nSET @a = 1;\n" + before.statement() + ";\nSET @b = 2;\nEND";
  EXPECT_EQ(now.removedFrom(edited), "BEGIN\nSET @a = 1;\nSET @b = 2;\nEND");
  // Another change-log's statement is not ours to touch.
  ChangeLogTrigger other(names, "catalog_category_product_index", {"category_id"}, TriggerEvent::Update);
  EXPECT_FALSE(now.anyVersionIn(other.ownBody()));
}

}  // namespace
}  // namespace m2stage::extract
