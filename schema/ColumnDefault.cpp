#include "schema/ColumnDefault.hpp"

#include <cctype>
#include <ctime>
#include <regex>

#include <fmt/format.h>

namespace m2stage::schema {

namespace {

std::string lowered(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

bool isNumber(std::string_view text) {
  static const std::regex kNumber(R"(-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?)");
  return std::regex_match(text.begin(), text.end(), kNumber);
}

// "YYYY-MM-DD HH:MM:SS" with `digits` fractional digits (0..6), in UTC.
std::string formatUtc(std::chrono::system_clock::time_point now, int digits) {
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(micros / 1000000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  std::string text = fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                                 utc.tm_hour, utc.tm_min, utc.tm_sec);
  if (digits > 0) text += "." + fmt::format("{:06}", micros % 1000000).substr(0, static_cast<std::size_t>(digits));
  return text;
}

// current_timestamp(), now(6), localtimestamp, curdate()...: the time the expression gives, as
// text for this column; nullopt for any other expression.
std::optional<std::string> timeExpression(const Column& column, std::string_view text,
                                          std::chrono::system_clock::time_point now) {
  static const std::regex kTime(R"((current_timestamp|now|localtime|localtimestamp)(\(([0-6]?)\))?)");
  static const std::regex kDate(R"((current_date|curdate)(\(\))?)");
  std::string expression = lowered(text);
  std::smatch match;
  if (std::regex_match(expression, kDate)) return formatUtc(now, 0).substr(0, 10);
  if (!std::regex_match(expression, match, kTime)) return std::nullopt;
  int digits = match[3].length() > 0 ? std::stoi(match[3].str()) : 0;
  if (column.dataType == "date") return formatUtc(now, 0).substr(0, 10);
  return formatUtc(now, digits);
}

// The implicit default of a NOT NULL column without DEFAULT (what non-strict mode stores).
Value implicitValue(const Column& column) {
  const std::string& type = column.dataType;
  if (type == "bit") return std::nullopt;  // staged as bytes; the server's own rule applies
  if (type == "year") return "0000";
  if (column.isNumeric()) return "0";
  if (type == "date") return "0000-00-00";
  if (type == "datetime" || type == "timestamp") return "0000-00-00 00:00:00";
  if (type == "time") return "00:00:00";
  if (type == "enum") {
    // enum('a','b'): the first member.
    auto open = column.columnType.find('(');
    if (open == std::string::npos) return "";
    std::string_view members(column.columnType);
    members.remove_prefix(open + 1);
    std::size_t end = 1;
    while (end < members.size() && !(members[end] == '\'' && (end + 1 >= members.size() || members[end + 1] != '\''))) {
      end += members[end] == '\'' ? 2 : 1;
    }
    return ColumnDefault::literal(members.substr(0, std::min(end + 1, members.size()))).value_or("");
  }
  if (type.find("char") != std::string::npos || type.find("text") != std::string::npos ||
      type.find("blob") != std::string::npos || type.find("binary") != std::string::npos || type == "set" ||
      type == "json")
    return "";
  return std::nullopt;  // spatial and unknown types
}

}  // namespace

std::optional<std::string> ColumnDefault::literal(std::string_view text) {
  if (isNumber(text)) return std::string(text);
  if (text.size() < 2 || text.front() != '\'' || text.back() != '\'') return std::nullopt;
  std::string value;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    char c = text[i];
    if (c == '\'' && i + 2 < text.size() && text[i + 1] == '\'') {
      value += '\'';
      ++i;
    } else if (c == '\\' && i + 2 < text.size()) {
      char next = text[++i];
      switch (next) {
        case '0': value += '\0'; break;
        case 'n': value += '\n'; break;
        case 'r': value += '\r'; break;
        case 't': value += '\t'; break;
        case 'Z': value += '\x1A'; break;
        default: value += next; break;  // \\ \' and, as SQL string literals, \x for any other x
      }
    } else {
      value += c;
    }
  }
  return value;
}

Value ColumnDefault::unsetValue(const Column& column, std::chrono::system_clock::time_point now) {
  if (column.autoIncrement) return std::nullopt;
  if (column.defaultValue) {
    if (auto value = literal(*column.defaultValue)) return value;
    return timeExpression(column, *column.defaultValue, now);
  }
  if (column.nullable) return std::nullopt;
  return implicitValue(column);
}

}  // namespace m2stage::schema
