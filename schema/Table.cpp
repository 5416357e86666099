#include "schema/Table.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace m2stage::schema {

namespace {
bool isOneOf(std::string_view value, std::initializer_list<std::string_view> candidates) {
  return std::find(candidates.begin(), candidates.end(), value) != candidates.end();
}
}  // namespace

bool Column::isBinary() const {
  return isOneOf(dataType, {"binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "bit",
                            "geometry", "point", "linestring", "polygon", "multipoint",
                            "multilinestring", "multipolygon", "geometrycollection"});
}

bool Column::isNumeric() const {
  return isOneOf(dataType, {"tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal",
                            "numeric", "float", "double", "real"});
}

bool Column::isUtf8Text() const { return charset == "utf8mb3" || charset == "utf8mb4"; }

bool Column::isText() const {
  return isOneOf(dataType, {"char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "json"});
}

bool Column::isInteger() const {
  return isOneOf(dataType, {"tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year"});
}

const Column* Table::find(const std::string& column) const {
  auto found = std::find_if(columns.begin(), columns.end(),
                            [&](const Column& candidate) { return candidate.name == column; });
  return found == columns.end() ? nullptr : &*found;
}

std::vector<std::string> Table::columnNames() const {
  std::vector<std::string> names;
  names.reserve(columns.size());
  for (const auto& column : columns) names.push_back(column.name);
  return names;
}

}  // namespace m2stage::schema
