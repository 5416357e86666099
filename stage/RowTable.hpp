// Staged rows of one document on one side: the SQLite table "m1.<document>" (raw Magento 1 rows)
// or "m2.<document>" (transformed Magento 2 rows). Columns are the document's own plus
// _run, _op (insert|update|delete) and _chunk. Columns have no declared type, so SQLite stores
// values exactly as given: binary columns as BLOBs, everything else as the server's text.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "schema/Table.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::stage {

class RowTable {
 public:
  RowTable(StageFile& stage, std::string side, std::string document);

  static std::string tableName(const std::string& side, const std::string& document) { return side + "." + document; }
  const std::string& name() const { return name_; }

  bool exists();
  // The document's columns as staged (without _run, _op, _chunk); empty when the table is absent.
  std::vector<std::string> columns();
  // Creates the table, or adds to an existing one the columns it lacks (a later run after an ALTER).
  void ensure(const std::vector<std::string>& columns);
  // Removes one run's rows (for --reset and prune).
  void deleteRun(std::int64_t run);

  // How a column's values are stored: binary columns as BLOBs; integers as INTEGER when the text
  // is canonical (so `WHERE id = 5` works in sqlite3); everything else as the server's exact text.
  enum class Storage { Text, Blob, Integer };
  static Storage storageFor(const schema::Column& column);
  // For `columns` of `table` (all of them when empty); throws StageError for a column it lacks.
  static std::vector<Storage> storageFor(const schema::Table& table, const std::vector<std::string>& columns = {});

  // Appends rows with one prepared statement; call inside the chunk's transaction. It uses
  // SQLite's C API directly: binding text by pointer and length is the hot path of extract.
  class Writer {
   public:
    Writer(StageFile& stage, const std::string& table, const std::vector<std::string>& columns,
           std::vector<Storage> storage);
    // Return the rowid of the new row. A view must stay valid until insert returns.
    std::int64_t insert(std::int64_t run, const std::string& op, std::int64_t chunk,
                        const std::vector<schema::Value>& values);
    std::int64_t insert(std::int64_t run, const std::string& op, std::int64_t chunk,
                        const std::vector<schema::ValueView>& values);

   private:
    void begin(std::int64_t run, const std::string& op, std::int64_t chunk);
    void bind(std::size_t column, const char* data, std::size_t size);
    std::int64_t finish();

    StageFile& stage_;
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement_;
    std::vector<Storage> storage_;
  };

  // Copies column `index` of the current row into `into`: the stored bytes whatever the storage
  // class, or NULL. Reuses the string's buffer (no allocation per cell once it is large enough):
  // every staged row read (load, the content check, transform) goes through here.
  static void readCell(SQLite::Statement& statement, int index, schema::Value& into);

  // Reads rows in rowid order, within [firstRowid, lastRowid].
  class Reader {
   public:
    Reader(StageFile& stage, const std::string& table, const std::vector<std::string>& columns,
           std::int64_t firstRowid, std::int64_t lastRowid);
    bool next();
    const std::vector<schema::Value>& values() const { return values_; }
    const std::string& op() const { return op_; }

   private:
    SQLite::Statement statement_;
    std::vector<schema::Value> values_;
    std::string op_;
  };

 private:
  StageFile& stage_;
  std::string name_;
};

// The chunk checksum: a 64-bit hash over a sequence of values, NULL distinct from '' and
// ("ab","c") distinct from ("a","bc"). Bytes are mixed eight at a time (multiply-xorshift),
// because a byte-at-a-time hash cost a fifth of extract's CPU. Not cryptographic: it detects
// accidental differences, not tampering by someone who can also rewrite the staging file.
class RowChecksum {
 public:
  void add(const std::vector<schema::Value>& row);
  void add(const std::vector<schema::ValueView>& row);
  std::string hex() const;
  std::uint64_t value() const { return hash_; }

 private:
  void mix(std::uint64_t word);
  void addCell(const char* data, std::size_t size, bool null);
  std::uint64_t hash_ = 14695981039346656037ULL;
};

}  // namespace m2stage::stage
