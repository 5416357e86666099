#include "stage/RowTable.hpp"

#include <charconv>

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
    if (this->columns() != columns)
      throw StageError(fmt::format("{}: staged table {} has other columns than the current schema; "
                                   "start a new staging file or prune the old runs",
                                   stage_.path().string(), name_));
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

namespace {
// "5", "-12": an integer whose text SQLite gives back unchanged. "007", "-0", "+1" are not.
bool canonicalInteger(const std::string& text, std::int64_t& value) {
  if (text.empty() || text.size() > 20) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && std::to_string(value) == text;
}
}  // namespace

RowTable::Writer::Writer(StageFile& stage, const std::string& table, const std::vector<std::string>& columns,
                         std::vector<Storage> storage)
    : db_(stage.db()),
      statement_(stage.db(), [&] {
        std::string sql = fmt::format("INSERT INTO {} (_run, _op, _chunk", StageFile::quote(table));
        if (!columns.empty()) sql += ", " + columnList(columns);
        sql += ") VALUES (?, ?, ?";
        for (std::size_t i = 0; i < columns.size(); ++i) sql += ", ?";
        return sql + ")";
      }()),
      storage_(std::move(storage)) {}

std::int64_t RowTable::Writer::insert(std::int64_t run, const std::string& op, std::int64_t chunk,
                                      const std::vector<schema::Value>& values) {
  statement_.reset();
  statement_.bind(1, run);
  statement_.bindNoCopy(2, op);
  statement_.bind(3, chunk);
  for (std::size_t i = 0; i < values.size(); ++i) {
    int index = static_cast<int>(i) + 4;
    Storage storage = i < storage_.size() ? storage_[i] : Storage::Text;
    std::int64_t integer = 0;
    if (!values[i]) {
      statement_.bind(index);
    } else if (storage == Storage::Blob) {
      statement_.bindNoCopy(index, values[i]->data(), static_cast<int>(values[i]->size()));
    } else if (storage == Storage::Integer && canonicalInteger(*values[i], integer)) {
      statement_.bind(index, integer);
    } else {
      statement_.bindNoCopy(index, *values[i]);
    }
  }
  statement_.exec();
  return db_.getLastInsertRowid();
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
  for (std::size_t i = 0; i < values_.size(); ++i) {
    auto column = statement_.getColumn(static_cast<int>(i) + 1);
    if (column.isNull()) {
      values_[i].reset();
    } else {
      // getBlob + getBytes return the stored bytes whatever the storage class.
      const char* data = static_cast<const char*>(column.getBlob());
      values_[i].emplace(data, static_cast<std::size_t>(column.getBytes()));
    }
  }
  return true;
}

void RowChecksum::addBytes(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) {
    hash_ ^= bytes[i];
    hash_ *= 1099511628211ULL;
  }
}

void RowChecksum::add(const std::vector<schema::Value>& row) {
  for (const auto& value : row) {
    // A length prefix keeps ("ab","c") apart from ("a","bc"); a NULL marker keeps NULL apart from ''.
    std::uint64_t length = value ? value->size() : ~std::uint64_t{0};
    addBytes(&length, sizeof(length));
    if (value) addBytes(value->data(), value->size());
  }
}

std::string RowChecksum::hex() const { return fmt::format("{:016x}", hash_); }

}  // namespace m2stage::stage
