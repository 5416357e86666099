#include "extract/ChangeLogTrigger.hpp"

#include <cctype>

#include <fmt/format.h>

namespace m2stage::extract {

namespace {

constexpr std::string_view kBegin = "BEGIN\n";
constexpr std::string_view kEnd = ";\nEND";
// Every statement we generate ends with this; together with its start it delimits the statement.
constexpr std::string_view kStatementEnd = "`processed` = 0";

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

ChangeLogTrigger::ChangeLogTrigger(const ChangeLogNames& names, const std::string& document,
                                   std::vector<std::string> keys, TriggerEvent event)
    : table_(names.table(document)),
      changeLog_(names.changeLog(document)),
      name_(names.trigger(document, event)),
      event_(event) {
  std::string row = event == TriggerEvent::Delete ? "OLD." : "NEW.";
  std::string columns, values;
  for (const auto& key : keys) {
    columns += mariadb::quoteIdentifier(key) + ",";
    values += row + mariadb::quoteIdentifier(key) + ",";
  }
  std::string_view keyword = ChangeLogNames::keyword(event);
  statement_ = fmt::format("INSERT INTO {} ({}`operation`) VALUES ({}'{}') ON DUPLICATE KEY UPDATE `operation` = '{}', {}",
                           mariadb::quoteIdentifier(changeLog_), columns, values, keyword, keyword, kStatementEnd);
}

std::string ChangeLogTrigger::ownBody() const { return std::string(kBegin) + statement_ + std::string(kEnd); }

bool ChangeLogTrigger::isIn(std::string_view body) const { return body.find(statement_) != std::string_view::npos; }

bool ChangeLogTrigger::anyVersionIn(std::string_view body) const { return findAny(body).has_value(); }

std::optional<std::pair<std::size_t, std::size_t>> ChangeLogTrigger::findAny(std::string_view body,
                                                                             std::size_t from) const {
  std::string start = "INSERT INTO " + mariadb::quoteIdentifier(changeLog_) + " (";
  auto begin = body.find(start, from);
  if (begin == std::string_view::npos) return std::nullopt;
  auto end = body.find(kStatementEnd, begin);
  if (end == std::string_view::npos) return std::nullopt;
  return std::pair{begin, end + kStatementEnd.size()};
}

std::string ChangeLogTrigger::mergedInto(std::string_view body) const {
  std::string_view old = trimmed(body);
  while (!old.empty() && old.back() == ';') old = trimmed(old.substr(0, old.size() - 1));
  return fmt::format("{}{};\n{}{}", kBegin, old, statement_, kEnd);
}

std::optional<std::string> ChangeLogTrigger::removedFrom(std::string_view body) const {
  auto found = findAny(body);
  if (!found) return std::string(body);
  auto [start, end] = *found;
  std::string_view before = body.substr(0, start), after = body.substr(end);
  // Only ours: BEGIN\n<statement>;\nEND.
  if (before == kBegin && after == kEnd) return std::nullopt;
  // Our merge: BEGIN\n<old>;\n<statement>;\nEND gives back <old>.
  if (after == kEnd && before.size() >= kBegin.size() + 2 && before.starts_with(kBegin) && before.ends_with(";\n")) {
    std::string_view old = before.substr(kBegin.size(), before.size() - kBegin.size() - 2);
    if (trimmed(old).empty()) return std::nullopt;
    return std::string(old);
  }
  // Anything else (edited by hand, or several copies): cut each statement with its ';' and keep
  // the rest as it is.
  std::string rest(body);
  while (auto next = findAny(rest)) {
    auto [from, to] = *next;
    if (to < rest.size() && rest[to] == ';') ++to;
    if (from > 0 && rest[from - 1] == '\n') --from;
    rest.erase(from, to - from);
  }
  std::string_view inner = trimmed(rest);
  if (inner.size() >= 8 && equalsIgnoringCase(inner.substr(0, 5), "BEGIN") &&
      equalsIgnoringCase(inner.substr(inner.size() - 3), "END") && trimmed(inner.substr(5, inner.size() - 8)).empty())
    return std::nullopt;
  if (inner.empty()) return std::nullopt;
  return rest;
}

std::string ChangeLogTrigger::createSql(const std::string& triggerName, const std::string& body) const {
  return fmt::format("CREATE TRIGGER {} AFTER {} ON {} FOR EACH ROW\n{}", mariadb::quoteIdentifier(triggerName),
                     ChangeLogNames::keyword(event_), mariadb::quoteIdentifier(table_), body);
}

std::vector<ServerTrigger> ChangeLogTrigger::readAfterTriggers(mariadb::Connection& connection,
                                                               const std::string& table) {
  std::string sql = fmt::format(
      "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, EVENT_MANIPULATION, ACTION_STATEMENT, SQL_MODE, ACTION_ORDER "
      "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = {} AND ACTION_TIMING = 'AFTER'",
      connection.literal(connection.settings().name, false));
  if (!table.empty()) sql += " AND EVENT_OBJECT_TABLE = " + connection.literal(table, false);
  sql += " ORDER BY EVENT_OBJECT_TABLE, EVENT_MANIPULATION, ACTION_ORDER";
  std::vector<ServerTrigger> triggers;
  for (auto& row : connection.query(sql)) {
    ServerTrigger trigger;
    trigger.name = row[0].value_or("");
    trigger.table = row[1].value_or("");
    trigger.event = row[2].value_or("");
    trigger.body = row[3].value_or("");
    trigger.sqlMode = row[4].value_or("");
    trigger.order = row[5] ? std::stoll(*row[5]) : 0;
    triggers.push_back(std::move(trigger));
  }
  return triggers;
}

}  // namespace m2stage::extract
