// A table ("document") as described by a database catalog: its columns and key.
// Both sides use it: Magento 1 tables read by extract, Magento 2 tables read for transform/load.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace m2stage::schema {

struct Column {
  std::string name;
  std::string dataType;    // information_schema DATA_TYPE, e.g. "int", "varchar"
  std::string columnType;  // full COLUMN_TYPE, e.g. "int(10) unsigned"
  bool nullable = true;
  bool autoIncrement = false;
  // The DEFAULT as MariaDB 10.2.7+ prints COLUMN_DEFAULT: a quoted literal ('abc', '' for a
  // quote, backslash escapes), a bare number (5, 0.0000) or an expression (current_timestamp()).
  // nullopt: no DEFAULT, or DEFAULT NULL. (mariadb/Catalog quotes the bare literals of MySQL and
  // older MariaDB into this form.)
  std::optional<std::string> defaultValue;
  std::string charset;  // information_schema CHARACTER_SET_NAME of a text column ("utf8mb3"); empty otherwise

  // Binary columns are staged as BLOBs and written back as hex literals.
  bool isBinary() const;
  bool isNumeric() const;
  bool isInteger() const;
  // Text stored as UTF-8 (utf8mb3 or utf8mb4): its stored bytes are the text the tool stages, so
  // it can be read and written as bytes, without the server converting it character by character.
  bool isUtf8Text() const;
  // Text of any character set (char, varchar, the text types, enum, set, json).
  bool isText() const;
};

struct Table {
  std::string name;
  std::vector<Column> columns;
  std::vector<std::string> primaryKey;  // column names, in key order; may be empty

  const Column* find(const std::string& column) const;
  bool has(const std::string& column) const { return find(column) != nullptr; }
  std::vector<std::string> columnNames() const;
};

// A cell value: bytes exactly as the server sent them, or NULL.
using Value = std::optional<std::string>;
// The same, borrowed from a buffer that outlives its use (extract's fetched batches).
using ValueView = std::optional<std::string_view>;

}  // namespace m2stage::schema
