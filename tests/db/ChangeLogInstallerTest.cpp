// Change capture on a real MariaDB: change-log tables and triggers installed from a groups file,
// the rows they record, reinstall, merging with third-party triggers, removal and status.
#include <gtest/gtest.h>

#include <fstream>

#include "extract/ChangeLogInstaller.hpp"
#include "extract/ChangeLogStatus.hpp"
#include "schema/XmlFile.hpp"
#include "support/MariaDbServer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::extract {
namespace {

using test::MariaDbServer;

constexpr const char* kSchema = R"sql(
CREATE TABLE sales_flat_order (entity_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, state VARCHAR(32));
CREATE TABLE catalog_category_product (category_id INT UNSIGNED NOT NULL, product_id INT UNSIGNED NOT NULL,
  position INT NOT NULL DEFAULT 0, PRIMARY KEY (category_id, product_id));
CREATE TABLE catalog_product_entity_tier_price (value_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entity_id INT UNSIGNED NOT NULL, all_groups SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  customer_group_id SMALLINT UNSIGNED NOT NULL DEFAULT 0, qty DECIMAL(12,4) NOT NULL DEFAULT 1,
  value DECIMAL(12,4) NOT NULL DEFAULT 0, website_id SMALLINT UNSIGNED NOT NULL,
  UNIQUE KEY tier (entity_id, all_groups, customer_group_id, qty, website_id));
CREATE TABLE shop_audit (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, order_id INT, note VARCHAR(32));
)sql";

constexpr const char* kGroups = R"xml(<?xml version="1.0"?>
<groups>
  <group name="delta_map">
    <document key="entity_id">sales_flat_order</document>
    <document key="category_id">catalog_category_product</document>
    <document key="entity_id">not_in_magento1</document>
  </group>
  <group name="delta_tier_price">
    <document key="entity_id,all_groups,customer_group_id,qty,website_id">catalog_product_entity_tier_price</document>
  </group>
  <group name="delta_other">
    <document key="category_id,product_id">catalog_category_product</document>
  </group>
</groups>
)xml";

class ChangeLogInstallerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = "cl_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()).substr(0, 50);
    server().createDatabase(database_);
    server().runSql(database_, kSchema);
    connection_ = server().connect(database_);
    directory_ = test::makeTempDir("m2stage-changelog");
    groups_ = writeGroups(kGroups);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  static MariaDbServer& server() { return MariaDbServer::instance(); }
  schema::DocumentGroups writeGroups(const std::string& xml) {
    auto path = directory_ / ("groups" + std::to_string(++files_) + ".xml");
    std::ofstream(path) << xml;
    return schema::DocumentGroups::load(path);
  }
  std::vector<mariadb::Row> rows(const std::string& sql) { return connection_->query(sql); }
  std::string value(const std::string& sql) { return connection_->queryValue(sql).value_or("NULL"); }
  // The AFTER triggers of the test database as "table event name", in order.
  std::vector<std::string> triggers() {
    std::vector<std::string> names;
    for (auto& row : rows("SELECT EVENT_OBJECT_TABLE, EVENT_MANIPULATION, TRIGGER_NAME FROM information_schema.TRIGGERS "
                          "WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1, 2, ACTION_ORDER"))
      names.push_back(*row[0] + " " + *row[1] + " " + *row[2]);
    return names;
  }
  std::string body(const std::string& trigger) {
    return value("SELECT ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND "
                 "TRIGGER_NAME = '" + trigger + "'");
  }
  ChangeLogInstall install(bool reset = false) { return ChangeLogInstaller(*connection_, "").install(groups_, reset); }
  static std::size_t count(const std::string& text, const std::string& part) {
    std::size_t found = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
    return found;
  }

  std::string database_;
  std::unique_ptr<mariadb::Connection> connection_;
  std::filesystem::path directory_;
  schema::DocumentGroups groups_;
  int files_ = 0;
};

const std::vector<std::string> kOurTriggers = {
    "catalog_category_product DELETE trg_catalog_category_product_after_delete",
    "catalog_category_product INSERT trg_catalog_category_product_after_insert",
    "catalog_category_product UPDATE trg_catalog_category_product_after_update",
    "catalog_product_entity_tier_price DELETE trg_catalog_product_entity_tier_price_after_delete",
    "catalog_product_entity_tier_price INSERT trg_catalog_product_entity_tier_price_after_insert",
    "catalog_product_entity_tier_price UPDATE trg_catalog_product_entity_tier_price_after_update",
    "sales_flat_order DELETE trg_sales_flat_order_after_delete",
    "sales_flat_order INSERT trg_sales_flat_order_after_insert",
    "sales_flat_order UPDATE trg_sales_flat_order_after_update",
};

TEST_F(ChangeLogInstallerTest, InstallsTablesAndTriggersAndReportsMissingDocuments) {
  auto result = install();
  EXPECT_EQ(result.installed,
            (std::vector<std::string>{"sales_flat_order", "catalog_category_product", "catalog_product_entity_tier_price"}));
  EXPECT_EQ(result.missing, std::vector<std::string>{"not_in_magento1"});
  EXPECT_EQ(result.createdTriggers.size(), 9u);
  EXPECT_TRUE(result.mergedTriggers.empty());
  EXPECT_EQ(triggers(), kOurTriggers);

  // The last key wins (delta_other), and key columns keep their source types.
  auto columns = rows("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_KEY, COLUMN_DEFAULT "
                      "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'm2\\_cl\\_%' "
                      "ORDER BY TABLE_NAME, ORDINAL_POSITION");
  std::vector<std::string> described;
  for (auto& row : columns)
    described.push_back(*row[0] + "." + *row[1] + " " + *row[2] + " " + *row[3] + " " + row[4].value_or("") + " " +
                        row[5].value_or("NULL"));
  EXPECT_EQ(described, (std::vector<std::string>{
                           "m2_cl_catalog_category_product.category_id int(10) unsigned NO PRI NULL",
                           "m2_cl_catalog_category_product.product_id int(10) unsigned NO PRI NULL",
                           "m2_cl_catalog_category_product.operation text YES  NULL",
                           "m2_cl_catalog_category_product.processed tinyint(1) NO  0",
                           "m2_cl_catalog_product_entity_tier_price.entity_id int(10) unsigned NO PRI NULL",
                           "m2_cl_catalog_product_entity_tier_price.all_groups smallint(5) unsigned NO PRI NULL",
                           "m2_cl_catalog_product_entity_tier_price.customer_group_id smallint(5) unsigned NO PRI NULL",
                           "m2_cl_catalog_product_entity_tier_price.qty decimal(12,4) NO PRI NULL",
                           "m2_cl_catalog_product_entity_tier_price.website_id smallint(5) unsigned NO PRI NULL",
                           "m2_cl_catalog_product_entity_tier_price.operation text YES  NULL",
                           "m2_cl_catalog_product_entity_tier_price.processed tinyint(1) NO  0",
                           "m2_cl_sales_flat_order.entity_id int(10) unsigned NO PRI NULL",
                           "m2_cl_sales_flat_order.operation text YES  NULL",
                           "m2_cl_sales_flat_order.processed tinyint(1) NO  0",
                       }));
  EXPECT_EQ(value("SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND "
                  "TABLE_NAME = 'm2_cl_sales_flat_order'"),
            "InnoDB");
}

TEST_F(ChangeLogInstallerTest, RecordsInsertsUpdatesAndDeletesByKey) {
  install();
  connection_->execute("INSERT INTO sales_flat_order (entity_id, state) VALUES (1, 'new'), (2, 'new'), (3, 'new')");
  connection_->execute("UPDATE sales_flat_order SET state = 'processing' WHERE entity_id = 1");
  connection_->execute("DELETE FROM sales_flat_order WHERE entity_id = 2");
  EXPECT_EQ(rows("SELECT entity_id, operation, processed FROM m2_cl_sales_flat_order ORDER BY entity_id"),
            (std::vector<mariadb::Row>{{"1", "UPDATE", "0"}, {"2", "DELETE", "0"}, {"3", "INSERT", "0"}}));

  // Composite key: both parts recorded, one row per source row.
  connection_->execute("INSERT INTO catalog_category_product (category_id, product_id) VALUES (3, 7), (3, 8), (4, 7)");
  connection_->execute("UPDATE catalog_category_product SET position = 5 WHERE category_id = 3 AND product_id = 7");
  connection_->execute("DELETE FROM catalog_category_product WHERE category_id = 3 AND product_id = 8");
  EXPECT_EQ(rows("SELECT category_id, product_id, operation FROM m2_cl_catalog_category_product ORDER BY 1, 2"),
            (std::vector<mariadb::Row>{{"3", "7", "UPDATE"}, {"3", "8", "DELETE"}, {"4", "7", "INSERT"}}));

  // Decimal key part: kept exactly, so the change-log row joins back to its source row.
  connection_->execute("INSERT INTO catalog_product_entity_tier_price (entity_id, all_groups, customer_group_id, qty, "
                       "value, website_id) VALUES (10, 1, 0, 2.5, 9.99, 0), (10, 1, 0, 2.75, 8.99, 0)");
  EXPECT_EQ(rows("SELECT qty, operation FROM m2_cl_catalog_product_entity_tier_price ORDER BY qty"),
            (std::vector<mariadb::Row>{{"2.5000", "INSERT"}, {"2.7500", "INSERT"}}));
  EXPECT_EQ(value("SELECT COUNT(*) FROM m2_cl_catalog_product_entity_tier_price cl JOIN catalog_product_entity_tier_price t "
                  "USING (entity_id, all_groups, customer_group_id, qty, website_id)"),
            "2");
}

TEST_F(ChangeLogInstallerTest, AChangeToAProcessedRowMakesItPendingAgain) {
  install();
  connection_->execute("INSERT INTO sales_flat_order (entity_id, state) VALUES (1, 'new'), (2, 'new')");
  // Delta delivered both and marked them; then the shop changes order 1 before the purge.
  connection_->execute("UPDATE m2_cl_sales_flat_order SET processed = 1");
  connection_->execute("UPDATE sales_flat_order SET state = 'complete' WHERE entity_id = 1");
  EXPECT_EQ(rows("SELECT entity_id, operation, processed FROM m2_cl_sales_flat_order ORDER BY entity_id"),
            (std::vector<mariadb::Row>{{"1", "UPDATE", "0"}, {"2", "INSERT", "1"}}));
  connection_->execute("UPDATE m2_cl_sales_flat_order SET processed = 1");
  connection_->execute("DELETE FROM sales_flat_order WHERE entity_id = 2");
  EXPECT_EQ(rows("SELECT entity_id, operation, processed FROM m2_cl_sales_flat_order ORDER BY entity_id"),
            (std::vector<mariadb::Row>{{"1", "UPDATE", "1"}, {"2", "DELETE", "0"}}));
}

TEST_F(ChangeLogInstallerTest, ReinstallNeverDuplicatesAndResetEmptiesChangeLogs) {
  install();
  connection_->execute("INSERT INTO sales_flat_order (entity_id) VALUES (1), (2)");

  auto again = install(false);
  EXPECT_TRUE(again.createdTriggers.empty());
  EXPECT_TRUE(again.mergedTriggers.empty());
  EXPECT_TRUE(again.truncated.empty());
  EXPECT_EQ(value("SELECT COUNT(*) FROM m2_cl_sales_flat_order"), "2") << "without reset pending rows stay";

  auto reset = install(true);
  EXPECT_TRUE(reset.createdTriggers.empty());
  EXPECT_EQ(reset.truncated.size(), 3u);
  EXPECT_EQ(value("SELECT COUNT(*) FROM m2_cl_sales_flat_order"), "0");
  EXPECT_EQ(triggers(), kOurTriggers);
  EXPECT_EQ(count(body("trg_sales_flat_order_after_insert"), "INSERT INTO"), 1u);

  connection_->execute("INSERT INTO sales_flat_order (entity_id) VALUES (3)");
  EXPECT_EQ(rows("SELECT entity_id, operation FROM m2_cl_sales_flat_order"), (std::vector<mariadb::Row>{{"3", "INSERT"}}));
}

TEST_F(ChangeLogInstallerTest, AThirdPartyTriggerKeepsFiringThroughInstallReinstallAndRemove) {
  const std::string original = "INSERT INTO shop_audit (order_id, note) VALUES (NEW.entity_id, 'created')";
  connection_->execute("CREATE TRIGGER shop_order_created AFTER INSERT ON sales_flat_order FOR EACH ROW " + original);

  auto result = install();
  EXPECT_EQ(result.mergedTriggers, std::vector<std::string>{"shop_order_created"});
  auto names = triggers();
  EXPECT_NE(std::find(names.begin(), names.end(), "sales_flat_order INSERT shop_order_created"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "sales_flat_order INSERT trg_sales_flat_order_after_insert"),
            names.end())
      << "merged, not added beside it";

  connection_->execute("INSERT INTO sales_flat_order (entity_id) VALUES (1)");
  EXPECT_EQ(value("SELECT COUNT(*) FROM shop_audit WHERE order_id = 1"), "1");
  EXPECT_EQ(value("SELECT operation FROM m2_cl_sales_flat_order WHERE entity_id = 1"), "INSERT");

  install(true);
  EXPECT_EQ(count(body("shop_order_created"), "m2_cl_sales_flat_order"), 1u);
  EXPECT_EQ(count(body("shop_order_created"), "shop_audit"), 1u);
  connection_->execute("INSERT INTO sales_flat_order (entity_id) VALUES (2)");
  EXPECT_EQ(value("SELECT COUNT(*) FROM shop_audit"), "2");
  EXPECT_EQ(value("SELECT COUNT(*) FROM m2_cl_sales_flat_order"), "1");

  auto removed = ChangeLogInstaller(*connection_, "").remove(groups_);
  EXPECT_EQ(removed.restoredTriggers, std::vector<std::string>{"shop_order_created"});
  EXPECT_EQ(body("shop_order_created"), original);
  EXPECT_EQ(triggers(), std::vector<std::string>{"sales_flat_order INSERT shop_order_created"});
  connection_->execute("INSERT INTO sales_flat_order (entity_id) VALUES (3)");
  EXPECT_EQ(value("SELECT COUNT(*) FROM shop_audit WHERE order_id = 3"), "1");
}

TEST_F(ChangeLogInstallerTest, MergingKeepsTheThirdPartySqlModeAndCompoundBody) {
  connection_->execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES'");
  const std::string original = "BEGIN\n  DECLARE n INT DEFAULT 1;\n  INSERT INTO shop_audit (order_id, note) VALUES "
                               "(OLD.entity_id, 'deleted');\nEND";
  connection_->execute("CREATE TRIGGER shop_order_deleted AFTER DELETE ON sales_flat_order FOR EACH ROW " + original);
  connection_->execute("SET SESSION sql_mode = ''");
  EXPECT_EQ(install().mergedTriggers, std::vector<std::string>{"shop_order_deleted"});
  EXPECT_NE(body("shop_order_deleted").find("INSERT INTO `m2_cl_sales_flat_order`"), std::string::npos);
  EXPECT_EQ(value("SELECT SQL_MODE FROM information_schema.TRIGGERS WHERE TRIGGER_NAME = 'shop_order_deleted'"),
            "STRICT_ALL_TABLES");
  EXPECT_EQ(value("SELECT @@SESSION.sql_mode"), "") << "the session's mode is restored";
  connection_->execute("INSERT INTO sales_flat_order (entity_id) VALUES (5)");
  connection_->execute("DELETE FROM sales_flat_order WHERE entity_id = 5");
  EXPECT_EQ(value("SELECT note FROM shop_audit WHERE order_id = 5"), "deleted");
  EXPECT_EQ(value("SELECT operation FROM m2_cl_sales_flat_order WHERE entity_id = 5"), "DELETE");
  ChangeLogInstaller(*connection_, "").remove(groups_);
  EXPECT_EQ(body("shop_order_deleted"), original);
}

TEST_F(ChangeLogInstallerTest, RemoveTakesOutExactlyWhatItInstalled) {
  connection_->execute("CREATE TABLE m2_cl_unrelated (id INT PRIMARY KEY)");
  connection_->execute("CREATE TRIGGER trg_shop_custom AFTER UPDATE ON shop_audit FOR EACH ROW SET @touched = 1");
  install();
  connection_->execute("INSERT INTO sales_flat_order (entity_id) VALUES (1)");

  auto removed = ChangeLogInstaller(*connection_, "").remove(groups_);
  EXPECT_EQ(removed.droppedTriggers.size(), 9u);
  EXPECT_TRUE(removed.restoredTriggers.empty());
  EXPECT_EQ(removed.droppedChangeLogs, (std::vector<std::string>{"m2_cl_sales_flat_order", "m2_cl_catalog_category_product",
                                                                 "m2_cl_catalog_product_entity_tier_price"}));
  EXPECT_EQ(value("SELECT GROUP_CONCAT(TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND "
                  "TABLE_NAME LIKE 'm2\\_cl\\_%'"),
            "m2_cl_unrelated");
  EXPECT_EQ(triggers(), std::vector<std::string>{"shop_audit UPDATE trg_shop_custom"});
  // The shop writes as before.
  connection_->execute("INSERT INTO sales_flat_order (entity_id) VALUES (2)");
  connection_->execute("DELETE FROM sales_flat_order");
  // Removing twice is harmless.
  auto again = ChangeLogInstaller(*connection_, "").remove(groups_);
  EXPECT_TRUE(again.droppedTriggers.empty());
  EXPECT_TRUE(again.droppedChangeLogs.empty());
}

TEST_F(ChangeLogInstallerTest, AChangedKeyRecreatesTheChangeLogAndSwapsTheStatements) {
  groups_ = writeGroups(R"(<groups><group name="g"><document key="category_id">catalog_category_product</document></group></groups>)");
  install();
  connection_->execute("INSERT INTO catalog_category_product (category_id, product_id) VALUES (1, 1)");
  groups_ = writeGroups(
      R"(<groups><group name="g"><document key="category_id,product_id">catalog_category_product</document></group></groups>)");
  install();
  EXPECT_EQ(value("SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) FROM information_schema.STATISTICS WHERE "
                  "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'm2_cl_catalog_category_product' AND INDEX_NAME = 'PRIMARY'"),
            "category_id,product_id");
  EXPECT_EQ(triggers().size(), 3u);
  EXPECT_EQ(count(body("trg_catalog_category_product_after_insert"), "INSERT INTO"), 1u);
  connection_->execute("INSERT INTO catalog_category_product (category_id, product_id) VALUES (1, 2), (1, 3)");
  EXPECT_EQ(value("SELECT COUNT(*) FROM m2_cl_catalog_category_product"), "2");
}

TEST_F(ChangeLogInstallerTest, BadKeysAreRefusedBeforeAnythingIsCreated) {
  groups_ = writeGroups(R"(<groups><group name="g"><document key="entity_id">sales_flat_order</document>
    <document key="no_such_column">catalog_category_product</document></group></groups>)");
  try {
    install();
    FAIL() << "expected InputError";
  } catch (const schema::InputError& error) {
    EXPECT_NE(std::string(error.what()).find("no_such_column"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("catalog_category_product"), std::string::npos) << error.what();
  }
  EXPECT_TRUE(triggers().empty());
  EXPECT_EQ(value("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME "
                  "LIKE 'm2\\_cl\\_%'"),
            "0");
  groups_ = writeGroups(R"(<groups><group name="g"><document>sales_flat_order</document></group></groups>)");
  EXPECT_THROW(install(), schema::InputError);
}

TEST_F(ChangeLogInstallerTest, LongPrefixedNamesFitIn64AndWork) {
  const std::string prefix = "magento_";
  std::string document = "catalog_product_entity_" + std::string(56 - 23, 'v');  // prefix + document = 64
  ASSERT_EQ((prefix + document).size(), 64u);
  connection_->execute("CREATE TABLE " + mariadb::quoteIdentifier(prefix + document) +
                       " (value_id INT UNSIGNED NOT NULL PRIMARY KEY, value TEXT)");
  groups_ = writeGroups("<groups><group name=\"g\"><document key=\"value_id\">" + document + "</document></group></groups>");
  auto result = ChangeLogInstaller(*connection_, prefix).install(groups_, false);
  ASSERT_EQ(result.installed, std::vector<std::string>{document});
  for (const auto& name : result.createdTriggers) EXPECT_LE(name.size(), 64u) << name;

  ChangeLogNames names(prefix);
  auto changeLog = names.changeLog(document);
  EXPECT_EQ(changeLog.size(), 64u);
  connection_->execute("INSERT INTO " + mariadb::quoteIdentifier(prefix + document) + " VALUES (1, 'x')");
  EXPECT_EQ(value("SELECT operation FROM " + mariadb::quoteIdentifier(changeLog)), "INSERT");

  auto states = ChangeLogStatus(*connection_, prefix).read(groups_);
  ASSERT_EQ(states.size(), 1u);
  EXPECT_TRUE(states[0].complete());
  ChangeLogInstaller(*connection_, prefix).remove(groups_);
  EXPECT_TRUE(triggers().empty());
}

TEST_F(ChangeLogInstallerTest, StatusReportsTablesTriggersAndPendingRows) {
  auto before = ChangeLogStatus(*connection_, "").read(groups_);
  ASSERT_EQ(before.size(), 4u);
  EXPECT_EQ(before[0].document, "sales_flat_order");
  EXPECT_TRUE(before[0].tablePresent);
  EXPECT_FALSE(before[0].changeLogPresent);
  EXPECT_FALSE(before[0].complete());
  EXPECT_FALSE(before[0].pending.has_value());

  install();
  connection_->execute("INSERT INTO sales_flat_order (entity_id) VALUES (1), (2), (3)");
  connection_->execute("UPDATE m2_cl_sales_flat_order SET processed = 1 WHERE entity_id = 1");
  connection_->execute("DROP TRIGGER trg_catalog_category_product_after_update");
  auto states = ChangeLogStatus(*connection_, "").read(groups_);
  ASSERT_EQ(states.size(), 4u);
  EXPECT_TRUE(states[0].complete());
  EXPECT_EQ(states[0].rows, 3);
  EXPECT_EQ(states[0].pending, 2);
  EXPECT_EQ(states[1].document, "catalog_category_product");
  EXPECT_EQ(states[1].triggers, (std::array<bool, 3>{true, false, true}));
  EXPECT_FALSE(states[1].complete());
  EXPECT_EQ(states[1].pending, 0);
  EXPECT_EQ(states[2].document, "not_in_magento1");
  EXPECT_FALSE(states[2].tablePresent);
  EXPECT_FALSE(states[2].changeLogPresent);
  EXPECT_TRUE(states[3].complete());
}

TEST_F(ChangeLogInstallerTest, MissingTriggerPrivilegeNamesTheTableAndTheGrant) {
  auto admin = server().connect("mysql");
  admin->execute("CREATE OR REPLACE USER 'cl_limited'@'localhost' IDENTIFIED BY 'cl-pass'");
  admin->execute("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, LOCK TABLES ON " +
                 mariadb::quoteIdentifier(database_) + ".* TO 'cl_limited'@'localhost'");
  auto settings = server().settings(database_);
  settings.user = "cl_limited";
  settings.password = "cl-pass";
  mariadb::Connection limited(settings, {});
  try {
    ChangeLogInstaller(limited, "").install(groups_, false);
    FAIL() << "expected a DatabaseError";
  } catch (const mariadb::DatabaseError& error) {
    std::string message = error.what();
    EXPECT_EQ(error.code(), 1142u);
    EXPECT_NE(message.find("sales_flat_order"), std::string::npos) << message;
    EXPECT_NE(message.find("GRANT TRIGGER ON `" + database_ + "`.* TO 'cl_limited'@'localhost'"), std::string::npos)
        << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
  ChangeLogInstaller installer(*connection_, "");
  auto binlog = installer.explainTriggerError(mariadb::DatabaseError("You do not have the SUPER privilege", 1419),
                                              "sales_flat_order");
  EXPECT_NE(binlog.find("sales_flat_order"), std::string::npos) << binlog;
  EXPECT_NE(binlog.find("SET GLOBAL log_bin_trust_function_creators = 1"), std::string::npos) << binlog;
  admin->execute("DROP USER 'cl_limited'@'localhost'");
}

TEST_F(ChangeLogInstallerTest, OfficialDeltalogInstallsOnMagento1924) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto fixtures = test::sharedFixtures();
  server().createDatabase(database_, fixtures / "magento1" / "ce-1.9.2.4.sql");
  connection_ = server().connect(database_);
  auto groups = schema::DocumentGroups::load(fixtures / "dmt-etc" / "opensource-to-opensource" / "deltalog.xml.dist");
  auto result = ChangeLogInstaller(*connection_, "").install(groups, false);
  EXPECT_GT(result.installed.size(), 80u);
  EXPECT_EQ(result.installed.size() + result.missing.size(), groups.flattened().size());
  EXPECT_EQ(value("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"),
            std::to_string(3 * result.installed.size()));
  for (const auto& state : ChangeLogStatus(*connection_, "").read(groups)) {
    EXPECT_EQ(state.complete(), state.tablePresent) << state.document;
  }
  // The decimal key part of tier prices keeps its type.
  EXPECT_EQ(value("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND "
                  "TABLE_NAME = 'm2_cl_catalog_product_entity_tier_price' AND COLUMN_NAME = 'qty'"),
            "decimal(12,4)");
  // A second install changes nothing.
  auto again = ChangeLogInstaller(*connection_, "").install(groups, true);
  EXPECT_TRUE(again.createdTriggers.empty());
  EXPECT_TRUE(again.mergedTriggers.empty());
  EXPECT_EQ(again.truncated.size(), result.installed.size());
  EXPECT_EQ(value("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"),
            std::to_string(3 * result.installed.size()));
  // (Removal is covered on the small schema; here it would only add DDL time.)
}

}  // namespace
}  // namespace m2stage::extract
