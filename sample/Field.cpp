#include "sample/Field.hpp"

#include <fmt/format.h>

namespace m2stage::sample {

Field Field::money(std::int64_t cents) {
  const char* sign = cents < 0 ? "-" : "";
  std::int64_t magnitude = cents < 0 ? -cents : cents;
  return {Kind::Number, fmt::format("{}{}.{:02}00", sign, magnitude / 100, magnitude % 100)};
}

Field Field::quantity(std::int64_t whole) { return {Kind::Number, fmt::format("{}.0000", whole)}; }

std::string formatDateTime(std::int64_t epochSeconds) {
  // Howard Hinnant's civil_from_days: exact for any date, independent of the C library's TZ.
  std::int64_t days = epochSeconds / 86400, seconds = epochSeconds % 86400;
  if (seconds < 0) {
    seconds += 86400;
    --days;
  }
  days += 719468;
  std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  std::int64_t dayOfEra = days - era * 146097;
  std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  std::int64_t mp = (5 * dayOfYear + 2) / 153;
  std::int64_t day = dayOfYear - (153 * mp + 2) / 5 + 1;
  std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  std::int64_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", year, month, day, seconds / 3600, seconds / 60 % 60,
                     seconds % 60);
}

Field Field::datetime(std::int64_t epochSeconds) { return text(formatDateTime(epochSeconds)); }

std::string Field::literal() const {
  switch (kind) {
    case Kind::Null:
      return "NULL";
    case Kind::Number:
      return value;
    case Kind::Binary: {
      if (value.empty()) return "''";
      std::string hex = "0x";
      for (unsigned char c : value) hex += fmt::format("{:02X}", c);
      return hex;
    }
    case Kind::Text:
      break;
  }
  std::string quoted = "'";
  quoted.reserve(value.size() + 2);
  for (char c : value) {
    switch (c) {
      case '\0': quoted += "\\0"; break;
      case '\n': quoted += "\\n"; break;
      case '\r': quoted += "\\r"; break;
      case '\x1a': quoted += "\\Z"; break;
      case '\'': quoted += "\\'"; break;
      case '\\': quoted += "\\\\"; break;
      default: quoted += c;
    }
  }
  quoted += '\'';
  return quoted;
}

}  // namespace m2stage::sample
