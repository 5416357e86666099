// The printers of the inspection commands: aligned tables, RFC 4180 CSV, JSON built by SQLite.
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "cmd/OutputFormat.hpp"
#include "cmd/TextTable.hpp"

namespace m2stage::cmd {
namespace {

TEST(OutputFormatTest, ParsesTheThreeFormatsAndRefusesOthers) {
  EXPECT_EQ(parseOutputFormat("table"), OutputFormat::Table);
  EXPECT_EQ(parseOutputFormat("json"), OutputFormat::Json);
  EXPECT_EQ(parseOutputFormat("csv"), OutputFormat::Csv);
  EXPECT_THROW(parseOutputFormat("xml"), std::invalid_argument);
}

TEST(OutputFormatTest, CsvFieldsAreQuotedOnlyWhenRfc4180NeedsIt) {
  EXPECT_EQ(csvField(std::string("plain")), "plain");
  EXPECT_EQ(csvField(std::nullopt), "");
  EXPECT_EQ(csvField(std::string("")), "");
  EXPECT_EQ(csvField(std::string("a,b")), "\"a,b\"");
  EXPECT_EQ(csvField(std::string("say \"hi\"")), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csvField(std::string("two\nlines")), "\"two\nlines\"");
  EXPECT_EQ(csvField(std::string("cr\r")), "\"cr\r\"");
}

TEST(OutputFormatTest, TableAlignsByCharactersNumbersRightAndColoursOnlyOnRequest) {
  TextTable table({{"document"}, {"rows", true}, {"state", false, true}, {"detail", false, false, true}});
  table.add({std::string("sales_order"), std::string("7"), std::string("done"), std::nullopt});
  table.add({std::string("täble"), std::string("1200"), std::string("volume failed"), std::nullopt});
  EXPECT_EQ(table.render(false),
            "document     rows  state\n"
            "sales_order     7  done\n"
            "täble        1200  volume failed\n");
  std::string coloured = table.render(true);
  EXPECT_NE(coloured.find("\033[32mdone\033[0m"), std::string::npos) << coloured;
  EXPECT_NE(coloured.find("\033[31mvolume failed\033[0m"), std::string::npos) << coloured;
  EXPECT_EQ(TextTable::width("täble → x"), 9u);
}

TEST(OutputFormatTest, CsvHasAHeaderCrlfLineEndsAndEmptyNulls) {
  TextTable table({{"a"}, {"b"}});
  table.add({std::string("x,y"), std::nullopt});
  EXPECT_EQ(table.csv(), "a,b\r\n\"x,y\",\r\n");
}

TEST(OutputFormatTest, QueryResultsBecomeTablesAndJsonThatParsesBack) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  db.exec("CREATE TABLE t (name TEXT, n INTEGER, note TEXT); "
          "INSERT INTO t VALUES ('quote \" and \\ backslash', 10, NULL), ('line\nbreak, comma', 2, 'ünïcode')");
  SQLite::Statement query(db, "SELECT name, n, note FROM t ORDER BY n");
  auto table = TextTable::fromQuery(query);
  EXPECT_EQ(table.size(), 2u);
  EXPECT_EQ(table.csv(), "name,n,note\r\n\"line\nbreak, comma\",2,ünïcode\r\n\"quote \"\" and \\ backslash\",10,\r\n");

  std::string json = jsonRows(db, "SELECT name, n, note FROM t WHERE n > ? ORDER BY n",
                              [](SQLite::Statement& statement) { statement.bind(1, 1); });
  SQLite::Statement check(db, "SELECT json_valid(?1), json_array_length(?1), json_extract(?1, '$[1].name'), "
                              "json_type(?1, '$[1].note'), json_extract(?1, '$[0].n'), json_extract(?1, '$[0].note')");
  check.bind(1, json);
  ASSERT_TRUE(check.executeStep());
  EXPECT_EQ(check.getColumn(0).getInt(), 1) << json;
  EXPECT_EQ(check.getColumn(1).getInt(), 2);
  EXPECT_EQ(check.getColumn(2).getString(), "quote \" and \\ backslash");
  EXPECT_EQ(check.getColumn(3).getString(), "null");
  EXPECT_EQ(check.getColumn(4).getInt(), 2);
  EXPECT_EQ(check.getColumn(5).getString(), "ünïcode");
  EXPECT_EQ(jsonRows(db, "SELECT name FROM t WHERE 0"), "[]");
}

}  // namespace
}  // namespace m2stage::cmd
