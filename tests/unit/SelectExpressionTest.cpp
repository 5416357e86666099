// How extract and the content check SELECT a column so its text comes exact and as UTF-8, on a
// connection that receives text as stored (extract's readers) or converted to utf8mb4.
#include <gtest/gtest.h>

#include "mariadb/Catalog.hpp"

namespace m2stage::test {
namespace {

using mariadb::TextResults;

schema::Column column(const std::string& dataType, const std::string& charset) {
  return {.name = "c", .dataType = dataType, .columnType = dataType, .charset = charset};
}

TEST(SelectExpressionTest, Utf8TextComesAsStoredAndOtherTextIsConvertedToUtf8) {
  for (auto text : {TextResults::AsStored, TextResults::Utf8mb4}) {
    EXPECT_EQ(mariadb::selectExpression(column("int", ""), text), "`c`");
    EXPECT_EQ(mariadb::selectExpression(column("datetime", ""), text), "`c`");
    EXPECT_EQ(mariadb::selectExpression(column("longblob", ""), text), "`c`");
    EXPECT_EQ(mariadb::selectExpression(column("float", ""), text), "CAST(`c` AS DOUBLE) AS `c`");
    // latin1 text, and text whose character set a file staged by an older version did not record:
    // UTF-8 whatever the session's character set (SET NAMES in init statements).
    EXPECT_EQ(mariadb::selectExpression(column("varchar", "latin1"), text), "CAST(CONVERT(`c` USING utf8mb4) AS BINARY)");
    EXPECT_EQ(mariadb::selectExpression(column("enum", ""), text), "CAST(CONVERT(`c` USING utf8mb4) AS BINARY)");
  }
  // UTF-8 text: its bytes, unconverted; on a connection that converts, cast to bytes.
  EXPECT_EQ(mariadb::selectExpression(column("varchar", "utf8mb3"), TextResults::AsStored), "`c`");
  EXPECT_EQ(mariadb::selectExpression(column("longtext", "utf8mb4"), TextResults::AsStored), "`c`");
  EXPECT_EQ(mariadb::selectExpression(column("varchar", "utf8mb3"), TextResults::Utf8mb4), "CAST(`c` AS BINARY)");
  EXPECT_EQ(mariadb::selectList({column("int", ""), column("varchar", "utf8mb3")}, TextResults::Utf8mb4),
            "`c`, CAST(`c` AS BINARY)");
}

}  // namespace
}  // namespace m2stage::test
