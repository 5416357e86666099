// A column's DEFAULT as m2stage keeps it (Column::defaultValue, the text MariaDB 10.2.7+ shows in
// information_schema.COLUMNS.COLUMN_DEFAULT), and the value a destination row gets for a column
// that nothing set: upstream leaves such a column out of its INSERT, so the server default applies.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "schema/Table.hpp"

namespace m2stage::schema {

class ColumnDefault {
 public:
  // The value of a literal default: 'it''s' gives it's (quotes doubled, \\ \0 \n \r \Z escapes
  // undone), a bare number gives itself; nullopt for an expression such as current_timestamp().
  static std::optional<std::string> literal(std::string_view text);

  // What the server stores for `column` when an INSERT leaves it out, at time `now` (UTC):
  //  * AUTO_INCREMENT: NULL, so the server numbers the row;
  //  * a literal DEFAULT: its value;
  //  * current_timestamp()/now() (with or without a precision), curdate(): `now` as text;
  //  * no DEFAULT on a NOT NULL column: the type's implicit value, "0" for numbers, "" for
  //    strings, the zero date or time, the first ENUM member. Upstream's Record::getDataDefault
  //    gives '' there, which non-strict mode turns into the same value, with a warning;
  //  * anything else (no DEFAULT on a nullable column, DEFAULT NULL, other expressions, BIT and
  //    spatial types): NULL, as before.
  static Value unsetValue(const Column& column, std::chrono::system_clock::time_point now);
};

}  // namespace m2stage::schema
