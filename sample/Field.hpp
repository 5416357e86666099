// One value of a generated row, kept typed until it is written: tests read the raw value, the
// SQL writer renders it as a literal (quoted and escaped text, hex for binary, NULL).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace m2stage::sample {

struct Field {
  enum class Kind { Null, Number, Text, Binary };
  Kind kind = Kind::Null;
  std::string value;

  static Field null() { return {}; }
  static Field number(std::int64_t n) { return {Kind::Number, std::to_string(n)}; }
  // A DECIMAL(x,4) amount from whole cents: 1234 -> 12.3400 (Magento 1 stores four places).
  static Field money(std::int64_t cents);
  // A DECIMAL(x,4) quantity or rate from a whole number: 2 -> 2.0000.
  static Field quantity(std::int64_t whole);
  static Field text(std::string_view s) { return {Kind::Text, std::string(s)}; }
  static Field binary(std::string_view bytes) { return {Kind::Binary, std::string(bytes)}; }
  // 'YYYY-MM-DD hh:mm:ss' from seconds since 1970 (UTC, no time zone involved).
  static Field datetime(std::int64_t epochSeconds);
  // The zero date Magento 1 leaves in NOT NULL date columns.
  static Field zeroDate() { return text("0000-00-00 00:00:00"); }

  // The SQL literal for a MariaDB INSERT (string escapes as mysqldump writes them).
  std::string literal() const;
  bool isNull() const { return kind == Kind::Null; }
  bool operator==(const Field&) const = default;
};

std::string formatDateTime(std::int64_t epochSeconds);

}  // namespace m2stage::sample
