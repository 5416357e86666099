#include "stage/RowTable.hpp"

#include <algorithm>
#include <bit>

#include <charconv>
#include <cstring>

#include <fmt/format.h>

namespace m2stage::stage {

namespace {
std::string columnList(const std::vector<std::string>& columns) {
  std::string list;
  for (const auto& column : columns) {
    if (!list.empty()) list += ", ";
    list += StageFile::quote(column);
  }
  return list;
}
}  // namespace

RowTable::RowTable(StageFile& stage, std::string side, std::string document)
    : stage_(stage), name_(tableName(side, document)) {}

bool RowTable::exists() { return stage_.db().tableExists(name_); }

std::vector<std::string> RowTable::columns() {
  std::vector<std::string> result;
  SQLite::Statement query(stage_.db(), "SELECT name FROM pragma_table_info(?) ORDER BY cid");
  query.bind(1, name_);
  while (query.executeStep()) {
    std::string column = query.getColumn(0).getString();
    if (column != "_run" && column != "_op" && column != "_chunk") result.push_back(column);
  }
  return result;
}

void RowTable::ensure(const std::vector<std::string>& columns) {
  if (exists()) {
    // A later run of a table whose columns changed (extract --reset after an ALTER): add the new
    // ones. Columns only older runs had stay, NULL in the new rows; rows are always read by name.
    auto existing = this->columns();
    for (const auto& column : columns) {
      if (std::find(existing.begin(), existing.end(), column) == existing.end())
        stage_.db().exec(fmt::format("ALTER TABLE {} ADD COLUMN {}", StageFile::quote(name_), StageFile::quote(column)));
    }
    return;
  }
  std::string ddl = fmt::format("CREATE TABLE {} (_run INTEGER NOT NULL, _op TEXT NOT NULL, _chunk INTEGER NOT NULL",
                                StageFile::quote(name_));
  for (const auto& column : columns) ddl += ", " + StageFile::quote(column);
  ddl += ")";
  stage_.db().exec(ddl);
}

void RowTable::deleteRun(std::int64_t run) {
  if (!exists()) return;
  SQLite::Statement remove(stage_.db(), fmt::format("DELETE FROM {} WHERE _run = ?", StageFile::quote(name_)));
  remove.bind(1, run);
  remove.exec();
}

RowTable::Storage RowTable::storageFor(const schema::Column& column) {
  if (column.isBinary()) return Storage::Blob;
  return column.isInteger() ? Storage::Integer : Storage::Text;
}

std::vector<RowTable::Storage> RowTable::storageFor(const schema::Table& table, const std::vector<std::string>& columns) {
  std::vector<Storage> storage;
  for (const auto& name : columns.empty() ? table.columnNames() : columns) {
    const schema::Column* column = table.find(name);
    if (!column) throw StageError(fmt::format("table {} has no column {}", table.name, name));
    storage.push_back(storageFor(*column));
  }
  return storage;
}

namespace {
// "5", "-12": an integer whose text SQLite gives back unchanged. "007", "-0", "+1", " 1" are not.
bool canonicalInteger(std::string_view text, std::int64_t& value) {
  std::size_t digits = text.size() - (!text.empty() && text[0] == '-');
  if (digits == 0 || digits > 19) return false;
  const char* first = text.data() + (text.size() - digits);
  if (*first == '0' && (digits > 1 || text[0] == '-')) return false;  // "007", "-0"
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}
}  // namespace

RowTable::Writer::Writer(StageFile& stage, const std::string& table, const std::vector<std::string>& columns,
                         std::vector<Storage> storage)
    : stage_(stage), statement_(nullptr, sqlite3_finalize), storage_(std::move(storage)) {
  std::string sql = fmt::format("INSERT INTO {} (_run, _op, _chunk", StageFile::quote(table));
  if (!columns.empty()) sql += ", " + columnList(columns);
  sql += ") VALUES (?, ?, ?";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += ", ?";
  sql += ")";
  sqlite3_stmt* prepared = nullptr;
  if (sqlite3_prepare_v3(stage.db().getHandle(), sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &prepared, nullptr) != SQLITE_OK)
    throw StageError(fmt::format("{}: {}", stage.path().string(), sqlite3_errmsg(stage.db().getHandle())));
  statement_.reset(prepared);
}

void RowTable::Writer::begin(std::int64_t run, const std::string& op, std::int64_t chunk) {
  sqlite3_reset(statement_.get());
  sqlite3_bind_int64(statement_.get(), 1, run);
  sqlite3_bind_text(statement_.get(), 2, op.data(), static_cast<int>(op.size()), SQLITE_STATIC);
  sqlite3_bind_int64(statement_.get(), 3, chunk);
}

void RowTable::Writer::bind(std::size_t column, const char* data, std::size_t size) {
  int index = static_cast<int>(column) + 4;
  Storage storage = column < storage_.size() ? storage_[column] : Storage::Text;
  std::int64_t integer = 0;
  if (!data) {
    sqlite3_bind_null(statement_.get(), index);
  } else if (storage == Storage::Blob) {
    sqlite3_bind_blob(statement_.get(), index, data, static_cast<int>(size), SQLITE_STATIC);
  } else if (storage == Storage::Integer && canonicalInteger(std::string_view(data, size), integer)) {
    sqlite3_bind_int64(statement_.get(), index, integer);
  } else {
    sqlite3_bind_text(statement_.get(), index, data, static_cast<int>(size), SQLITE_STATIC);
  }
}

std::int64_t RowTable::Writer::finish() {
  if (sqlite3_step(statement_.get()) != SQLITE_DONE)
    throw StageError(fmt::format("{}: {}", stage_.path().string(), sqlite3_errmsg(stage_.db().getHandle())));
  return sqlite3_last_insert_rowid(stage_.db().getHandle());
}

std::int64_t RowTable::Writer::insert(std::int64_t run, const std::string& op, std::int64_t chunk,
                                      const std::vector<schema::Value>& values) {
  begin(run, op, chunk);
  for (std::size_t i = 0; i < values.size(); ++i) {
    // An empty string's data() is still a valid pointer: '' stays apart from NULL.
    bind(i, values[i] ? values[i]->data() : nullptr, values[i] ? values[i]->size() : 0);
  }
  return finish();
}

std::int64_t RowTable::Writer::insert(std::int64_t run, const std::string& op, std::int64_t chunk,
                                      const std::vector<schema::ValueView>& values) {
  begin(run, op, chunk);
  static const char empty = '\0';
  for (std::size_t i = 0; i < values.size(); ++i) {
    bind(i, values[i] ? (values[i]->data() ? values[i]->data() : &empty) : nullptr, values[i] ? values[i]->size() : 0);
  }
  return finish();
}

RowTable::Reader::Reader(StageFile& stage, const std::string& table, const std::vector<std::string>& columns,
                         std::int64_t firstRowid, std::int64_t lastRowid)
    : statement_(stage.db(), fmt::format("SELECT _op{}{} FROM {} WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
                                         columns.empty() ? "" : ", ", columnList(columns), StageFile::quote(table))),
      values_(columns.size()) {
  statement_.bind(1, firstRowid);
  statement_.bind(2, lastRowid);
}

bool RowTable::Reader::next() {
  if (!statement_.executeStep()) return false;
  op_ = statement_.getColumn(0).getString();
  for (std::size_t i = 0; i < values_.size(); ++i) readCell(statement_, static_cast<int>(i) + 1, values_[i]);
  return true;
}

void RowTable::readCell(SQLite::Statement& statement, int index, schema::Value& into) {
  auto column = statement.getColumn(index);
  if (column.isNull()) {
    into.reset();
    return;
  }
  // getBlob, then getBytes: the stored bytes whatever the storage class (an INTEGER as its text).
  const char* data = static_cast<const char*>(column.getBlob());
  auto size = static_cast<std::size_t>(column.getBytes());
  if (into) into->assign(data, size);
  else into.emplace(data, size);
}

void RowChecksum::mix(std::uint64_t word) {
  hash_ = (hash_ ^ word) * 0x9E3779B97F4A7C15ULL;
  hash_ ^= hash_ >> 29;
}

void RowChecksum::addCell(const char* data, std::size_t size, bool null) {
  // Every cell is encoded so that the sequence of words can be read back unambiguously: NULL
  // stays apart from '', and ("ab","c") from ("a","bc"). Most cells are shorter than 8 bytes and
  // cost one word: their bytes with the length in the top byte (0..7). A NULL is all ones; a
  // longer cell is its length with the top bit set, its 8-byte words, then its tail with the
  // tail's length in the top byte.
  static_assert(std::endian::native == std::endian::little, "the length goes in the word's top byte");
  if (null) return mix(~std::uint64_t{0});
  std::uint64_t tail = 0;
  if (size < 8) {
    if (size) std::memcpy(&tail, data, size);  // an empty view's data() may be null
    return mix(tail | (static_cast<std::uint64_t>(size) << 56));
  }
  mix(size | (std::uint64_t{1} << 63));
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, data + i, 8);
    mix(word);
  }
  if (size > i) std::memcpy(&tail, data + i, size - i);
  mix(tail | (static_cast<std::uint64_t>(size - i) << 56));
}

void RowChecksum::add(const std::vector<schema::Value>& row) {
  for (const auto& value : row) addCell(value ? value->data() : nullptr, value ? value->size() : 0, !value);
}

void RowChecksum::add(const std::vector<schema::ValueView>& row) {
  for (const auto& value : row) addCell(value ? value->data() : nullptr, value ? value->size() : 0, !value);
}

std::string RowChecksum::hex() const { return fmt::format("{:016x}", hash_); }

}  // namespace m2stage::stage
