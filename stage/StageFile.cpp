#include "stage/StageFile.hpp"

#include "stage/Views.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace m2stage::stage {

namespace {

// Format 1. Table and view names are part of the user interface (README, sqlite3 queries).
constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE run (
  run_id        INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('full', 'delta')),
  mode          TEXT NOT NULL DEFAULT 'data',
  created_at    TEXT NOT NULL,
  host          TEXT NOT NULL,
  tool_version  TEXT NOT NULL,
  source        TEXT NOT NULL,
  destination   TEXT NOT NULL
);
CREATE TABLE run_step (
  run_id        INTEGER NOT NULL REFERENCES run(run_id),
  step          TEXT NOT NULL CHECK (step IN ('extract', 'transform', 'load')),
  state         TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed')),
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  host          TEXT NOT NULL,
  rows          INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, step)
);
CREATE TABLE config (
  run_id        INTEGER NOT NULL REFERENCES run(run_id),
  name          TEXT NOT NULL,
  content       TEXT NOT NULL,
  PRIMARY KEY (run_id, name)
);
CREATE TABLE schema_column (
  run_id        INTEGER NOT NULL REFERENCES run(run_id),
  side          TEXT NOT NULL CHECK (side IN ('m1', 'm2')),
  document      TEXT NOT NULL,
  ordinal       INTEGER NOT NULL,
  name          TEXT NOT NULL,
  data_type     TEXT NOT NULL,
  column_type   TEXT NOT NULL,
  nullable      INTEGER NOT NULL,
  auto_increment INTEGER NOT NULL,
  key_ordinal   INTEGER,
  column_default TEXT,
  charset       TEXT,
  PRIMARY KEY (run_id, side, document, ordinal)
);
CREATE TABLE document (
  run_id        INTEGER NOT NULL REFERENCES run(run_id),
  step          TEXT NOT NULL,
  document      TEXT NOT NULL,
  target        TEXT,
  state         TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'skipped')),
  rows          INTEGER NOT NULL DEFAULT 0,
  started_at    TEXT,
  finished_at   TEXT,
  detail        TEXT,
  PRIMARY KEY (run_id, step, document)
);
CREATE TABLE chunk (
  run_id        INTEGER NOT NULL,
  step          TEXT NOT NULL,
  document      TEXT NOT NULL,
  chunk_no      INTEGER NOT NULL,
  key_from      TEXT,
  key_to        TEXT,
  rows          INTEGER NOT NULL,
  first_rowid   INTEGER,
  last_rowid    INTEGER,
  checksum      TEXT NOT NULL,
  state         TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('pending', 'done')),
  at            TEXT NOT NULL,
  PRIMARY KEY (run_id, step, document, chunk_no)
);
CREATE TABLE finding (
  finding_id    INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL,
  step          TEXT NOT NULL,
  kind          TEXT NOT NULL,
  side          TEXT,
  document      TEXT,
  fields        TEXT,
  message       TEXT NOT NULL,
  severity      TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
  at            TEXT NOT NULL
);
CREATE TABLE audit (
  event_id      INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  run_id        INTEGER,
  host          TEXT NOT NULL,
  command       TEXT NOT NULL,
  event         TEXT NOT NULL,
  document      TEXT,
  rows          INTEGER,
  detail        TEXT
);
CREATE INDEX finding_by_document ON finding (run_id, step, kind, document);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
)SQL";

// Additions to format 1 since its first release, each one additive so that older m2stage builds
// still open the file: a file written before them gains them when opened (upgradeFormat).
//  * schema_column.column_default: the column's DEFAULT (schema::Column::defaultValue);
//  * schema_column.charset: a text column's character set (schema::Column::charset; NULL in a
//    file staged before it: such columns are read and written through conversion, as then);
//  * finding_by_document: the per-document finding counts of the transform_counts view.
bool hasColumn(SQLite::Database& db, const char* table, const char* column) {
  SQLite::Statement columns(db, fmt::format("PRAGMA table_info({})", table));
  while (columns.executeStep())
    if (columns.getColumn(1).getString() == column) return true;
  return false;
}

void upgradeFormat(SQLite::Database& db) {
  auto upToDate = [&] {
    return hasColumn(db, "schema_column", "column_default") && hasColumn(db, "schema_column", "charset") &&
           db.execAndGet("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'finding_by_document'").getInt() > 0;
  };
  if (upToDate()) return;
  // IMMEDIATE, then look again: two processes opening an old file at once must not both add it.
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  if (!hasColumn(db, "schema_column", "column_default")) db.exec("ALTER TABLE schema_column ADD COLUMN column_default TEXT");
  if (!hasColumn(db, "schema_column", "charset")) db.exec("ALTER TABLE schema_column ADD COLUMN charset TEXT");
  db.exec("CREATE INDEX IF NOT EXISTS finding_by_document ON finding (run_id, step, kind, document)");
  transaction.commit();
}

struct Header {
  std::uint32_t pageSize = 0;
  std::uint32_t pageCount = 0;
  bool sqlite = false;
};

std::uint32_t bigEndian(const unsigned char* bytes, int count) {
  std::uint32_t value = 0;
  for (int i = 0; i < count; ++i) value = (value << 8) | bytes[i];
  return value;
}

// Reads the header through SQLite's own descriptor. Opening the file a second time (an ifstream)
// and closing it would drop every POSIX lock this process holds on it, SQLite's included: another
// process could then take the file for itself, checkpoint and delete the WAL under our feet.
Header readHeader(SQLite::Database& db) {
  sqlite3_file* file = nullptr;
  std::array<unsigned char, 100> bytes{};
  Header header;
  if (sqlite3_file_control(db.getHandle(), "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
      !file->pMethods || file->pMethods->xRead(file, bytes.data(), bytes.size(), 0) != SQLITE_OK)
    return header;  // shorter than a header: empty, or SQLite will say what is wrong
  header.sqlite = std::string(reinterpret_cast<char*>(bytes.data()), 15) == "SQLite format 3";
  header.pageSize = bigEndian(&bytes[16], 2);
  if (header.pageSize == 1) header.pageSize = 65536;
  // The in-header size is valid when "version-valid-for" equals the change counter.
  if (bigEndian(&bytes[92], 4) == bigEndian(&bytes[24], 4)) header.pageCount = bigEndian(&bytes[28], 4);
  return header;
}

}  // namespace

void StageFile::setCacheSize(int kib) { db_->exec(fmt::format("PRAGMA cache_size = -{}", kib)); }

void StageFile::stopAutomaticCheckpoints() {
  // A WAL hook takes the place of SQLite's automatic checkpoint (which is one); this one only
  // notes the WAL's size after each commit.
  auto note = [](void* pages, sqlite3*, const char*, int count) {
    *static_cast<int*>(pages) = count;
    return SQLITE_OK;
  };
  sqlite3_wal_hook(db_->getHandle(), note, &walPages_);
}

int StageFile::checkpointWithoutWaiting() {
  int walPages = 0, folded = 0;
  int code = sqlite3_wal_checkpoint_v2(db_->getHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &walPages, &folded);
  if (code == SQLITE_BUSY) return -1;  // another connection is checkpointing
  if (code != SQLITE_OK) throw SQLite::Exception(db_->getHandle(), code);  // a full disk, reported as any write's
  return walPages;
}

std::string StageFile::quote(const std::string& name) {
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

StageFile::StageFile(const std::filesystem::path& path, OpenMode mode)
    : path_(path), foldOnClose_(mode != OpenMode::BesideMain) {
  bool exists = std::filesystem::exists(path);
  if (!exists && mode != OpenMode::CreateIfMissing)
    throw StageError(fmt::format("{}: no such staging file (run `m2stage extract` first)", path.string()));
  if (!exists) createFile(path);
  const char* doing = "opening";  // for the one-line error
  try {
    // No per-call mutex: a StageFile is used by one thread at a time (each worker opens its own),
    // and SQLite's serialized mode cost a sixth of load's CPU in lock/unlock per cell.
    db_ = std::make_unique<SQLite::Database>(path.string(),
                                             SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
    db_->setBusyTimeout(60000);
    refuseForeignOrCutShort();
    doing = "reading the format";
    int applicationId = db_->execAndGet("PRAGMA application_id").getInt();
    int tables = db_->execAndGet("SELECT COUNT(*) FROM sqlite_master").getInt();
    if (applicationId == 0 && tables == 0) {
      doing = "writing the format";
      createFormat();
    } else {
      checkFormat();
    }
    doing = "setting up the connection";
    db_->exec("PRAGMA journal_mode = WAL");
    db_->exec("PRAGMA synchronous = NORMAL");
    // Fold the WAL into the file every 2 MiB (SQLite's default is 1000 pages: 64 MiB with our
    // 64 KiB pages). The committing thread then copies while the other threads go on fetching,
    // instead of copying a whole small run at the end, and the WAL stays small.
    db_->exec("PRAGMA wal_autocheckpoint = 32");
    db_->exec("PRAGMA foreign_keys = OFF");
    // 16 MiB a connection: rows are appended and read back in rowid order, which a small cache
    // serves as well as a large one, and extract and load open one connection per job.
    setCacheSize(kCacheKib);
    doing = "upgrading the format";
    upgradeFormat(*db_);
    doing = "creating the views";
    ensureViews(*db_);
  } catch (const SQLite::Exception& error) {
    throw StageError(fmt::format("{}: {} while {} (SQLite error {})", path.string(), error.what(), doing,
                                 error.getExtendedErrorCode()));
  }
}

StageFile::~StageFile() {
  try {
    // Fold the WAL back in, so the file alone is a complete copy.
    if (db_ && foldOnClose_) db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (const std::exception& error) {
    spdlog::debug("checkpoint of {} skipped: {}", path_.string(), error.what());
  }
}

void StageFile::refuseForeignOrCutShort() {
  auto size = std::filesystem::file_size(path_);
  Header header = readHeader(*db_);
  if (size > 0 && !header.sqlite) throw StageError(fmt::format("{}: not a staging file (not an SQLite database)", path_.string()));
  auto expected = std::uintmax_t{header.pageCount} * header.pageSize;
  if (size < expected && !std::filesystem::exists(path_.string() + "-wal"))
    throw StageError(fmt::format("{}: the staging file is cut short ({} of {} bytes); copy it again", path_.string(), size, expected));
}

void StageFile::createFormat() { writeFormat(*db_); }

void StageFile::writeFormat(SQLite::Database& db) {
  // Wide Magento rows fill 64 KiB pages far better than the 4 KiB default.
  db.exec("PRAGMA page_size = 65536");
  SQLite::Transaction transaction(db);
  db.exec(kSchemaV1);
  db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
  db.exec(fmt::format("PRAGMA user_version = {}", kFormatVersion));
  transaction.commit();
}

void StageFile::createFile(const std::filesystem::path& path) {
  // Written complete under another name, then linked into place: a second process (load
  // --follow waiting for extract) never opens a file whose format is half written.
  std::string temporary = fmt::format("{}.creating-{}", path.string(), getpid());
  try {
    {
      SQLite::Database db(temporary, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      // Nothing in it must survive a crash before it is linked into place: written with no journal
      // and no syncs (it made eight fsyncs of a one-row extract's seventeen), then synced once. Made
      // in WAL mode, so that opening it switches nothing.
      db.exec("PRAGMA journal_mode = OFF");
      db.exec("PRAGMA synchronous = OFF");
      writeFormat(db);
      db.exec("PRAGMA journal_mode = WAL");
    }
    int file = open(temporary.c_str(), O_RDONLY | O_CLOEXEC);  // no SQLite connection has it open now
    int failure = file >= 0 && fsync(file) == 0 ? 0 : errno;
    if (file >= 0) close(file);
    if (failure) throw StageError(fmt::format("{}: cannot create the staging file: {}", path.string(), std::strerror(failure)));
  } catch (const SQLite::Exception& error) {
    std::error_code ignored;  // the error to report is the one above
    std::filesystem::remove(temporary, ignored);
    throw StageError(fmt::format("{}: cannot create the staging file: {}", path.string(), error.what()));
  } catch (const StageError&) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
  int linked = link(temporary.c_str(), path.c_str());
  int error = errno;
  std::filesystem::remove(temporary);
  if (linked != 0 && error != EEXIST)  // EEXIST: another process created it first; use theirs
    throw StageError(fmt::format("{}: cannot create the staging file: {}", path.string(), std::strerror(error)));
}

void StageFile::checkFormat() {
  int applicationId = db_->execAndGet("PRAGMA application_id").getInt();
  if (applicationId != kApplicationId)
    throw StageError(fmt::format("{}: not a staging file (an SQLite database of another application)", path_.string()));
  int version = db_->execAndGet("PRAGMA user_version").getInt();
  if (version > kFormatVersion)
    throw StageError(fmt::format("{}: staging file format {} is newer than this m2stage understands ({}); upgrade m2stage",
                                 path_.string(), version, kFormatVersion));
}

}  // namespace m2stage::stage
