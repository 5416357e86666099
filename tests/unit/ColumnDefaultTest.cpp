// Column defaults: reading MariaDB's and MySQL's COLUMN_DEFAULT into one notation, and the value
// a row gets for a column nothing set (what the server stores for a column an INSERT leaves out).
#include <gtest/gtest.h>

#include <chrono>

#include "mariadb/Catalog.hpp"
#include "schema/ColumnDefault.hpp"

namespace m2stage::test {
namespace {

using schema::Column;
using schema::ColumnDefault;

Column column(const std::string& dataType, const std::string& columnType, bool nullable,
              std::optional<std::string> defaultValue = std::nullopt, bool autoIncrement = false) {
  Column result;
  result.name = "c";
  result.dataType = dataType;
  result.columnType = columnType;
  result.nullable = nullable;
  result.autoIncrement = autoIncrement;
  result.defaultValue = std::move(defaultValue);
  return result;
}

TEST(ColumnDefaultTest, MariaDbTextIsKeptAndItsNullTextMeansNoDefault) {
  // As MariaDB 10.11 prints them (checked against a live server).
  EXPECT_EQ(mariadb::canonicalDefault("'it''s'", "", "varchar", true), "'it''s'");
  EXPECT_EQ(mariadb::canonicalDefault("'NULL'", "", "varchar", true), "'NULL'") << "the string NULL";
  EXPECT_EQ(mariadb::canonicalDefault("NULL", "", "varchar", true), std::nullopt) << "DEFAULT NULL";
  EXPECT_EQ(mariadb::canonicalDefault(std::nullopt, "", "int", true), std::nullopt) << "NOT NULL without DEFAULT";
  EXPECT_EQ(mariadb::canonicalDefault("0.0000", "", "decimal", true), "0.0000");
  EXPECT_EQ(mariadb::canonicalDefault("current_timestamp()", "on update current_timestamp()", "timestamp", true),
            "current_timestamp()");
}

TEST(ColumnDefaultTest, MySqlBareLiteralsAreQuotedAndItsExpressionsKept) {
  EXPECT_EQ(mariadb::canonicalDefault("it's \\ ok", "", "varchar", false), "'it''s \\\\ ok'");
  EXPECT_EQ(mariadb::canonicalDefault("NULL", "", "varchar", false), "'NULL'") << "MySQL prints DEFAULT NULL as SQL NULL";
  EXPECT_EQ(mariadb::canonicalDefault(std::nullopt, "", "varchar", false), std::nullopt);
  EXPECT_EQ(mariadb::canonicalDefault("5", "", "int", false), "5");
  EXPECT_EQ(mariadb::canonicalDefault("5", "", "varchar", false), "'5'");
  EXPECT_EQ(mariadb::canonicalDefault("CURRENT_TIMESTAMP", "DEFAULT_GENERATED", "timestamp", false), "CURRENT_TIMESTAMP");
  EXPECT_EQ(mariadb::canonicalDefault("CURRENT_TIMESTAMP", "", "timestamp", false), "CURRENT_TIMESTAMP") << "MySQL 5.7";
  EXPECT_EQ(mariadb::canonicalDefault("CURRENT_TIMESTAMP", "", "varchar", false), "'CURRENT_TIMESTAMP'");
}

TEST(ColumnDefaultTest, LiteralsAreUnquotedAndUnescaped) {
  EXPECT_EQ(ColumnDefault::literal("'it''s'"), "it's");
  EXPECT_EQ(ColumnDefault::literal("'a\\\\b\\nc\\0d'"), std::string("a\\b\nc\0d", 7));
  EXPECT_EQ(ColumnDefault::literal("''"), "");
  EXPECT_EQ(ColumnDefault::literal("-3"), "-3");
  EXPECT_EQ(ColumnDefault::literal("1.5e3"), "1.5e3");
  EXPECT_EQ(ColumnDefault::literal("current_timestamp()"), std::nullopt);
  EXPECT_EQ(ColumnDefault::literal("(1 + 2)"), std::nullopt);
}

TEST(ColumnDefaultTest, UnsetValueIsWhatTheServerStoresForAColumnLeftOut) {
  auto now = std::chrono::sys_days{std::chrono::year{2026} / 1 / 2} + std::chrono::hours{3} + std::chrono::minutes{4} +
             std::chrono::seconds{5} + std::chrono::microseconds{678901};
  EXPECT_EQ(ColumnDefault::unsetValue(column("smallint", "smallint(5)", false, "1"), now), "1");
  EXPECT_EQ(ColumnDefault::unsetValue(column("varchar", "varchar(9)", true, "'x'"), now), "x");
  EXPECT_EQ(ColumnDefault::unsetValue(column("varchar", "varchar(9)", true), now), std::nullopt);
  EXPECT_EQ(ColumnDefault::unsetValue(column("int", "int(11)", false, std::nullopt, true), now), std::nullopt)
      << "AUTO_INCREMENT: the server numbers the row";
  EXPECT_EQ(ColumnDefault::unsetValue(column("timestamp", "timestamp", false, "current_timestamp()"), now),
            "2026-01-02 03:04:05");
  EXPECT_EQ(ColumnDefault::unsetValue(column("datetime", "datetime(6)", true, "current_timestamp(6)"), now),
            "2026-01-02 03:04:05.678901");
  EXPECT_EQ(ColumnDefault::unsetValue(column("date", "date", true, "curdate()"), now), "2026-01-02");
  EXPECT_EQ(ColumnDefault::unsetValue(column("varchar", "varchar(36)", true, "uuid()"), now), std::nullopt)
      << "other expressions are not evaluated";
  // NOT NULL without DEFAULT: the implicit value of the type.
  EXPECT_EQ(ColumnDefault::unsetValue(column("int", "int(10) unsigned", false), now), "0");
  EXPECT_EQ(ColumnDefault::unsetValue(column("decimal", "decimal(12,4)", false), now), "0");
  EXPECT_EQ(ColumnDefault::unsetValue(column("text", "text", false), now), "");
  EXPECT_EQ(ColumnDefault::unsetValue(column("datetime", "datetime", false), now), "0000-00-00 00:00:00");
  EXPECT_EQ(ColumnDefault::unsetValue(column("enum", "enum('a','b')", false), now), "a");
  EXPECT_EQ(ColumnDefault::unsetValue(column("year", "year(4)", false), now), "0000");
}

}  // namespace
}  // namespace m2stage::test
