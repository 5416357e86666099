#include "load/DestinationCheck.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include <fmt/format.h>

#include "mariadb/Catalog.hpp"
#include "schema/TablePrefix.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

namespace {
constexpr const char* kAdvice = "restore the Magento 2 schema the run was transformed for, or transform again with --reset";

std::string nullability(bool nullable) { return nullable ? "NULL allowed" : "NOT NULL"; }
}  // namespace

std::string DestinationCheck::comparableType(const std::string& columnType) {
  std::string lowered = columnType;
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // The display width of an integer type (and YEAR(4)) changes nothing of what the column holds.
  static const std::regex kDisplayWidth(R"(^(tinyint|smallint|mediumint|int|integer|bigint|year)\(\d+\))");
  return std::regex_replace(lowered, kDisplayWidth, "$1");
}

DestinationCheck::DestinationCheck(const std::map<std::string, schema::Table>& stored, std::string prefix)
    : stored_(stored), prefix_(std::move(prefix)) {}

void DestinationCheck::check(mariadb::Connection& destination, const std::vector<std::string>& documents,
                             const std::map<std::string, std::vector<std::string>>& stagedColumns) const {
  auto live = mariadb::readCatalog(destination);
  for (const auto& document : documents) {
    auto expected = stored_.find(document);
    std::string serverTable = schema::withPrefix(document, prefix_);
    if (expected == stored_.end())
      throw stage::StageError(fmt::format("Magento 2 table {}: the run holds no schema for it; {}", serverTable, kAdvice));
    auto actual = live.find(serverTable);
    if (actual == live.end())
      throw stage::StageError(fmt::format("Magento 2 table {} does not exist any more in {}; {}", serverTable,
                                          destination.settings().describe(), kAdvice));
    auto columns = stagedColumns.find(document);
    for (const auto& column : expected->second.columns) {
      bool written = columns == stagedColumns.end() ||
                     std::find(columns->second.begin(), columns->second.end(), column.name) != columns->second.end();
      const schema::Column* now = actual->second.find(column.name);
      if (!now) {
        if (!written) continue;  // a column load does not write may go
        throw stage::StageError(fmt::format("Magento 2 table {} has no column {} any more (transform saw {}); {}",
                                            serverTable, column.name, column.columnType, kAdvice));
      }
      if (now->dataType != column.dataType || comparableType(now->columnType) != comparableType(column.columnType))
        throw stage::StageError(fmt::format("Magento 2 column {}.{} is now {}, transform saw {}; {}", serverTable,
                                            column.name, now->columnType, column.columnType, kAdvice));
      // Load sends UTF-8 text as bytes for the character set the run recorded (mariadb::BulkInsert):
      // fine while the column holds at least that (utf8mb3 -> utf8mb4 does), wrong otherwise.
      bool holdsTheBytes = now->charset == column.charset || (column.charset == "utf8mb3" && now->charset == "utf8mb4");
      if (written && column.isUtf8Text() && !holdsTheBytes)
        throw stage::StageError(fmt::format("Magento 2 column {}.{} is now in character set {}, transform saw {}; {}",
                                            serverTable, column.name, now->charset.empty() ? "none" : now->charset,
                                            column.charset, kAdvice));
      // Transform fills a NOT NULL column's missing values itself (its default, '' or 0); a
      // column that changed either way would hold other values than the staged rows say.
      if (now->nullable != column.nullable)
        throw stage::StageError(fmt::format("Magento 2 column {}.{} is now {}, transform saw it {}; {}", serverTable,
                                            column.name, nullability(now->nullable), nullability(column.nullable),
                                            kAdvice));
    }
    for (const auto& column : actual->second.columns) {
      if (expected->second.has(column.name) || column.nullable || column.defaultValue || column.autoIncrement) continue;
      throw stage::StageError(fmt::format("Magento 2 table {} has a new column {} ({} NOT NULL, no default) that "
                                          "transform did not see, so no staged row has a value for it; {}",
                                          serverTable, column.name, column.columnType, kAdvice));
    }
  }
}

}  // namespace m2stage::load
