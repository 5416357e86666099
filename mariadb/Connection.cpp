#include "mariadb/Connection.hpp"

#include <mysql.h>
#include <errmsg.h>

#include <fmt/format.h>

namespace m2stage::mariadb {

bool DatabaseError::isConnectionLost() const {
  return code_ == CR_SERVER_GONE_ERROR || code_ == CR_SERVER_LOST || code_ == 1053 /* ER_SERVER_SHUTDOWN */;
}

std::string quoteIdentifier(std::string_view name) {
  std::string quoted = "`";
  for (char c : name) {
    if (c == '`') quoted += '`';
    quoted += c;
  }
  quoted += '`';
  return quoted;
}

ResultStream::ResultStream(st_mysql* connection, st_mysql_res* result)
    : connection_(connection), result_(result), columns_(result ? mysql_num_fields(result) : 0) {}

ResultStream::ResultStream(ResultStream&& other) noexcept
    : connection_(other.connection_), result_(other.result_), columns_(other.columns_), row_(other.row_),
      lengths_(other.lengths_) {
  other.result_ = nullptr;
}

ResultStream::~ResultStream() {
  if (result_) mysql_free_result(result_);  // drains the rest of the stream
}

bool ResultStream::next() {
  if (!result_) return false;
  row_ = mysql_fetch_row(result_);
  if (!row_) {
    if (mysql_errno(connection_) != 0)
      throw DatabaseError(fmt::format("reading rows failed: {}", mysql_error(connection_)), mysql_errno(connection_));
    return false;
  }
  lengths_ = mysql_fetch_lengths(result_);
  return true;
}

std::optional<std::string_view> ResultStream::cell(std::size_t index) const {
  if (!row_[index]) return std::nullopt;
  return std::string_view(row_[index], lengths_[index]);
}

std::string ResultStream::columnName(std::size_t index) const {
  return mysql_fetch_field_direct(result_, static_cast<unsigned>(index))->name;
}

Connection::Connection(const schema::DatabaseSettings& settings, std::vector<std::string> initStatements,
                       TextResults text)
    : settings_(settings), initStatements_(std::move(initStatements)), text_(text) {
  connect();
}

Connection::~Connection() {
  if (handle_) mysql_close(handle_);
}

void Connection::connect() {
  if (handle_) mysql_close(handle_);
  handle_ = mysql_init(nullptr);
  if (!handle_) throw DatabaseError("out of memory creating a MariaDB connection", 0);
  mysql_options(handle_, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  if (!settings_.optionFile.empty()) {
    mysql_options(handle_, MYSQL_READ_DEFAULT_FILE, settings_.optionFile.c_str());
    mysql_options(handle_, MYSQL_READ_DEFAULT_GROUP, settings_.optionGroup.c_str());
  }
  if (!settings_.sslCa.empty() || !settings_.sslCert.empty() || !settings_.sslKey.empty()) {
    mysql_ssl_set(handle_, settings_.sslKey.empty() ? nullptr : settings_.sslKey.c_str(),
                  settings_.sslCert.empty() ? nullptr : settings_.sslCert.c_str(),
                  settings_.sslCa.empty() ? nullptr : settings_.sslCa.c_str(), nullptr, nullptr);
  }
  const char* host = settings_.socket.empty() ? settings_.host.c_str() : "localhost";
  const char* socket = settings_.socket.empty() ? nullptr : settings_.socket.c_str();
  const char* password = settings_.password.empty() ? nullptr : settings_.password.c_str();
  if (!mysql_real_connect(handle_, host, settings_.user.c_str(), password, settings_.name.c_str(), settings_.port,
                          socket, 0)) {
    throw DatabaseError(fmt::format("cannot connect to {}: {}", settings_.describe(), mysql_error(handle_)),
                        mysql_errno(handle_));
  }
  // The official session: non-strict SQL mode, init statements, no foreign-key checks. TIMESTAMP
  // values move as UTC, whatever the two servers' time zones are. The text results are set after
  // the init statements, whose SET NAMES would reset them.
  execute("SET SQL_MODE='', time_zone='+00:00'");
  for (const auto& statement : initStatements_) execute(statement);
  execute(text_ == TextResults::AsStored ? "SET FOREIGN_KEY_CHECKS=0, character_set_results=binary" : "SET FOREIGN_KEY_CHECKS=0");
}

void Connection::reconnect() { connect(); }

void Connection::fail(std::string_view sql) const {
  std::string statement(sql.substr(0, 200));
  throw DatabaseError(fmt::format("{} on {}: {} (in: {}{})", mysql_errno(handle_) ? "error" : "failure",
                                  settings_.describe(), mysql_error(handle_), statement, sql.size() > 200 ? "..." : ""),
                      mysql_errno(handle_));
}

std::uint64_t Connection::execute(std::string_view sql) {
  if (mysql_real_query(handle_, sql.data(), sql.size()) != 0) fail(sql);
  my_ulonglong changed = mysql_affected_rows(handle_);
  // Discard any result (e.g. from SET or CALL).
  do {
    if (MYSQL_RES* result = mysql_store_result(handle_)) mysql_free_result(result);
  } while (mysql_next_result(handle_) == 0);
  return changed == static_cast<my_ulonglong>(-1) ? 0 : changed;
}

std::vector<Row> Connection::query(std::string_view sql) {
  if (mysql_real_query(handle_, sql.data(), sql.size()) != 0) fail(sql);
  MYSQL_RES* result = mysql_store_result(handle_);
  if (!result) {
    if (mysql_errno(handle_)) fail(sql);
    return {};
  }
  std::vector<Row> rows;
  unsigned columns = mysql_num_fields(result);
  while (MYSQL_ROW row = mysql_fetch_row(result)) {
    unsigned long* lengths = mysql_fetch_lengths(result);
    Row values(columns);
    for (unsigned i = 0; i < columns; ++i) {
      if (row[i]) values[i] = std::string(row[i], lengths[i]);
    }
    rows.push_back(std::move(values));
  }
  mysql_free_result(result);
  return rows;
}

std::optional<std::string> Connection::queryValue(std::string_view sql) {
  auto rows = query(sql);
  if (rows.empty() || rows.front().empty()) return std::nullopt;
  return rows.front().front();
}

ResultStream Connection::stream(std::string_view sql) {
  if (mysql_real_query(handle_, sql.data(), sql.size()) != 0) fail(sql);
  MYSQL_RES* result = mysql_use_result(handle_);
  if (!result && mysql_errno(handle_)) fail(sql);
  return ResultStream(handle_, result);
}

std::string Connection::escape(std::string_view text) const {
  std::string escaped(text.size() * 2 + 1, '\0');
  auto length = mysql_real_escape_string(handle_, escaped.data(), text.data(), text.size());
  escaped.resize(length);
  return escaped;
}

std::string Connection::literal(const std::optional<std::string>& value, bool binary) const {
  if (!value) return "NULL";
  if (binary) {
    static const char* digits = "0123456789ABCDEF";
    std::string hex = "X'";
    hex.reserve(value->size() * 2 + 3);
    for (unsigned char c : *value) {
      hex += digits[c >> 4];
      hex += digits[c & 15];
    }
    hex += '\'';
    return hex;
  }
  return "'" + escape(*value) + "'";
}

std::string Connection::utf8Literal(const std::optional<std::string>& value, bool binary) const {
  // The introducer keeps staged text UTF-8 whatever character set the session's init statements
  // chose (SET NAMES latin1 would read its bytes as latin1). Only where a value may stand: not in
  // a DEFINER, a table COMMENT or other places that take a bare string.
  return value && !binary ? "_utf8mb4" + literal(value, false) : literal(value, binary);
}

std::string Connection::info() const {
  const char* text = mysql_info(handle_);
  return text ? text : "";
}

unsigned long Connection::serverMaxAllowedPacket() {
  auto value = queryValue("SELECT @@max_allowed_packet");
  return value ? std::stoul(*value) : 1024UL * 1024UL;
}

}  // namespace m2stage::mariadb
