// The staging file: format pragmas, reopening, and refusing what is not a usable staging file.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/Database.h>

#include "audit/AuditTrail.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"
#include "stage/WalFolder.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using stage::StageFile;

class StageFileTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = makeTempDir("m2stage-stagefile"); }
  void TearDown() override { std::filesystem::remove_all(directory_); }
  std::filesystem::path path(const std::string& name = "shop.m2stage") const { return directory_ / name; }

  std::filesystem::path directory_;
};

std::string errorOf(const std::filesystem::path& path, StageFile::OpenMode mode) {
  try {
    StageFile stage(path, mode);
  } catch (const stage::StageError& error) {
    return error.what();
  }
  return "";
}

TEST_F(StageFileTest, CreatesFormatOneWithIdentityPragmasAndTables) {
  { StageFile stage(path(), StageFile::OpenMode::CreateIfMissing); }
  EXPECT_FALSE(std::filesystem::exists(path().string() + "-wal")) << "a closed file must be self-contained";
  SQLite::Database db(path().string());
  EXPECT_EQ(db.execAndGet("PRAGMA application_id").getInt(), stage::kApplicationId);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 1);
  EXPECT_EQ(db.execAndGet("PRAGMA page_size").getInt(), 65536);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal") << "created in WAL mode";
  for (const char* table : {"run", "run_step", "config", "schema_column", "document", "chunk", "finding", "audit"}) {
    EXPECT_TRUE(db.tableExists(table)) << table;
  }
  for (const auto& entry : std::filesystem::directory_iterator(path().parent_path()))
    EXPECT_EQ(entry.path().filename().string().find(".creating-"), std::string::npos) << entry.path() << " left behind";
}

TEST_F(StageFileTest, ReopensAndKeepsRuns) {
  {
    StageFile stage(path(), StageFile::OpenMode::CreateIfMissing);
    stage::Runs(stage).create("full", "data", "m1", "m2");
  }
  StageFile stage(path(), StageFile::OpenMode::MustExist);
  auto runs = stage::Runs(stage).all();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].kind, "full");
}

TEST_F(StageFileTest, AFormatOneFileWithoutColumnDefaultsOrCharsetsGainsThemWhenOpened) {
  std::int64_t run = 0;
  {
    StageFile stage(path(), StageFile::OpenMode::CreateIfMissing);
    run = stage::Runs(stage).create("full", "data", "m1", "m2");
  }
  {
    // As an m2stage from before column defaults wrote it.
    SQLite::Database db(path().string(), SQLite::OPEN_READWRITE);
    db.exec("DROP INDEX finding_by_document");
    db.exec("ALTER TABLE schema_column DROP COLUMN column_default");
    db.exec("ALTER TABLE schema_column DROP COLUMN charset");
    db.exec("INSERT INTO schema_column (run_id, side, document, ordinal, name, data_type, column_type, nullable, "
            "auto_increment, key_ordinal) VALUES (" + std::to_string(run) + ", 'm2', 'old', 1, 'id', 'int', 'int(11)', 0, 1, 1)");
  }
  StageFile stage(path(), StageFile::OpenMode::MustExist);
  EXPECT_EQ(stage.db().execAndGet("SELECT COUNT(*) FROM pragma_table_info('schema_column') WHERE name = 'column_default'").getInt(), 1);
  EXPECT_EQ(stage.db().execAndGet("SELECT COUNT(*) FROM pragma_table_info('schema_column') WHERE name = 'charset'").getInt(), 1);
  EXPECT_EQ(stage.db().execAndGet("SELECT COUNT(*) FROM sqlite_master WHERE name = 'finding_by_document'").getInt(), 1);
  EXPECT_EQ(stage.db().execAndGet("PRAGMA user_version").getInt(), 1) << "additive: still format 1";
  stage::Runs runs(stage);
  schema::Table table{"new", {{"id", "int", "int(11)", false, true}, {"label", "varchar", "varchar(9)", false, false, "'it''s'", "utf8mb3"},
                              {"at", "timestamp", "timestamp", false, false, "current_timestamp()"}}, {"id"}};
  runs.saveSchema(run, "m2", table);
  auto loaded = runs.loadSchema(run, "m2");
  EXPECT_EQ(loaded.at("old").columns[0].defaultValue, std::nullopt) << "captured before defaults: unknown, as before";
  EXPECT_EQ(loaded.at("new").columns[0].defaultValue, std::nullopt);
  EXPECT_EQ(loaded.at("new").columns[1].defaultValue, "'it''s'");
  EXPECT_EQ(loaded.at("new").columns[2].defaultValue, "current_timestamp()");
  EXPECT_EQ(loaded.at("old").columns[0].charset, "") << "captured before charsets: unknown, so converted as before";
  EXPECT_EQ(loaded.at("new").columns[1].charset, "utf8mb3");
  EXPECT_TRUE(loaded.at("new").columns[1].isUtf8Text());
  EXPECT_FALSE(loaded.at("new").columns[0].isUtf8Text());
}

TEST_F(StageFileTest, MustExistRefusesAMissingFile) {
  EXPECT_NE(errorOf(path(), StageFile::OpenMode::MustExist).find("no such staging file"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path()));
}

TEST_F(StageFileTest, RefusesAFileThatIsNotSQLite) {
  std::ofstream(path()) << "this is a text file, not a staging file\n";
  EXPECT_NE(errorOf(path(), StageFile::OpenMode::CreateIfMissing).find("not a staging file"), std::string::npos);
}

TEST_F(StageFileTest, RefusesAnotherApplicationsDatabase) {
  {
    SQLite::Database db(path().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE notes (text TEXT)");
  }
  EXPECT_NE(errorOf(path(), StageFile::OpenMode::MustExist).find("another application"), std::string::npos);
}

TEST_F(StageFileTest, RefusesANewerFormat) {
  { StageFile stage(path(), StageFile::OpenMode::CreateIfMissing); }
  {
    SQLite::Database db(path().string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  EXPECT_NE(errorOf(path(), StageFile::OpenMode::MustExist).find("newer"), std::string::npos);
}

TEST_F(StageFileTest, RefusesAFileCutShortInCopying) {
  {
    StageFile stage(path(), StageFile::OpenMode::CreateIfMissing);
    stage::Runs(stage).create("full", "data", "m1", "m2");
  }
  auto size = std::filesystem::file_size(path());
  std::filesystem::resize_file(path(), size - 1000);
  EXPECT_NE(errorOf(path(), StageFile::OpenMode::MustExist).find("cut short"), std::string::npos);
}

// SQLite's read lock on the file is what stops another process (extract beside load --follow)
// from taking the file for itself and deleting the WAL. Opening a second handle in the same
// process must not drop it: POSIX drops all of a process's locks when any descriptor closes.
TEST_F(StageFileTest, OpeningASecondHandleKeepsTheProcesssReadLock) {
  StageFile first(path(), StageFile::OpenMode::CreateIfMissing);
  stage::Runs(first).create("full", "data", "m1", "m2");  // the connection now holds its shared lock
  { StageFile second(path(), StageFile::OpenMode::MustExist); }
  pid_t child = fork();
  if (child == 0) {
    // Another process asks whether it could take SQLite's shared-lock range for writing.
    int fd = ::open(path().c_str(), O_RDWR);
    struct flock probe {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = 0x40000002;  // SQLite's SHARED_FIRST
    probe.l_len = 510;           // SQLite's SHARED_SIZE
    int asked = fcntl(fd, F_GETLK, &probe);
    _exit(asked == 0 && probe.l_type == F_RDLCK ? 0 : 1);
  }
  int status = -1;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "this process no longer holds a read lock on the staging file";
}

namespace {
void writeMegabytes(StageFile& stage, int megabytes) {
  stage.db().exec("CREATE TABLE IF NOT EXISTS filler (b BLOB)");
  for (int i = 0; i < megabytes; ++i) stage.db().exec("INSERT INTO filler VALUES (zeroblob(1048576))");
}
}  // namespace

// Workers leave the fold to the main connection, which folds the WAL when it closes. Another
// connection stays open throughout, so that SQLite's own fold on the last close plays no part.
TEST_F(StageFileTest, AWorkerConnectionLeavesTheWalToTheMainOne) {
  auto wal = path().string() + "-wal";
  std::optional<SQLite::Database> bystander;
  {
    StageFile main(path(), StageFile::OpenMode::CreateIfMissing);
    bystander.emplace(path().string());
    bystander->execAndGet("SELECT COUNT(*) FROM sqlite_master");  // it now has the WAL open
    auto empty = std::filesystem::file_size(path());
    {
      StageFile worker(path(), StageFile::OpenMode::BesideMain);
      worker.stopAutomaticCheckpoints();
      writeMegabytes(worker, 1);
    }
    EXPECT_GT(std::filesystem::file_size(wal), 1u << 20) << "the worker folded the WAL when it closed";
    EXPECT_EQ(std::filesystem::file_size(path()), empty);
  }
  EXPECT_EQ(std::filesystem::file_size(wal), 0u) << "the main connection did not fold the WAL";
  EXPECT_GT(std::filesystem::file_size(path()), 1u << 20);
}

// The folder folds the WAL into the file on its own thread once a writer reports 2 MiB of it, and
// not before. Folding is seen in the file's size: the rows reach it only then.
TEST_F(StageFileTest, TheWalFolderFoldsOnceTheWalHoldsTwoMegabytes) {
  StageFile main(path(), StageFile::OpenMode::CreateIfMissing);
  StageFile writer(path(), StageFile::OpenMode::BesideMain);
  writer.stopAutomaticCheckpoints();
  auto empty = std::filesystem::file_size(path());
  {
    stage::WalFolder folder(path());
    writeMegabytes(writer, 1);
    ASSERT_LT(writer.walPages(), 32);
    folder.committed(writer.walPages());
    folder.finish();  // makes any fold asked for before it stops
  }
  EXPECT_EQ(std::filesystem::file_size(path()), empty) << "folded below 2 MiB";
  stage::WalFolder folder(path());
  writeMegabytes(writer, 2);
  ASSERT_GE(writer.walPages(), 32);
  folder.committed(writer.walPages());
  folder.finish();
  EXPECT_GE(std::filesystem::file_size(path()), empty + (3u << 20)) << "the folder did not fold the WAL";
}

TEST_F(StageFileTest, AuditTrailIsAppendOnly) {
  StageFile stage(path(), StageFile::OpenMode::CreateIfMissing);
  audit::AuditTrail trail(stage, "m2stage test");
  trail.record(std::nullopt, "test.event", "doc", 3, "detail");
  EXPECT_THROW(stage.db().exec("UPDATE audit SET rows = 4"), SQLite::Exception);
  EXPECT_THROW(stage.db().exec("DELETE FROM audit"), SQLite::Exception);
  EXPECT_EQ(stage.db().execAndGet("SELECT rows FROM audit").getInt(), 3);
}

TEST_F(StageFileTest, StagedRowsKeepBytesNullsAndEmptyStringsApart) {
  StageFile stage(path(), StageFile::OpenMode::CreateIfMissing);
  stage::RowTable table(stage, "m1", "odd \"name\"");
  table.ensure({"id", "text", "blob"});
  std::string binary("\x00\x01\xff\xfe", 4);
  std::vector<schema::Value> row{std::string("007"), std::string(""), binary};
  std::vector<schema::Value> nulls{std::string("1.50"), std::nullopt, std::nullopt};
  using Storage = stage::RowTable::Storage;
  stage::RowTable::Writer writer(stage, table.name(), {"id", "text", "blob"}, {Storage::Integer, Storage::Text, Storage::Blob});
  auto first = writer.insert(1, "insert", 0, row);
  auto last = writer.insert(1, "insert", 0, nulls);
  stage::RowTable::Reader reader(stage, table.name(), {"id", "text", "blob"}, first, last);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.values(), row);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.values(), nulls);
  EXPECT_FALSE(reader.next());
  // A later run with another column set (extract --reset after an ALTER) gets its new column added.
  table.ensure({"id", "other"});
  EXPECT_EQ(table.columns(), (std::vector<std::string>{"id", "text", "blob", "other"}));
  // "007" is not a canonical integer, so it stays text; a canonical one is an INTEGER for sqlite3 users.
  writer.insert(1, "insert", 0, std::vector<schema::Value>{std::string("42"), std::nullopt, std::nullopt});
  EXPECT_EQ(stage.db().execAndGet("SELECT COUNT(*) FROM \"m1.odd \"\"name\"\"\" WHERE id = 42").getInt(), 1);
  EXPECT_EQ(stage.db().execAndGet("SELECT typeof(id) FROM \"m1.odd \"\"name\"\"\" WHERE id = '007'").getString(), "text");
  // Every value comes back as written, whichever storage it got.
  std::vector<std::string> integers{"0", "-0", "-12", "+1", "00", "9223372036854775807", "-9223372036854775808",
                                    "9223372036854775808", "18446744073709551615", "-", "", " 1", "1 ", "1e3",
                                    "0x1", "-01"};
  std::int64_t from = 0, to = 0;
  for (const auto& text : integers) {
    to = writer.insert(1, "insert", 0, std::vector<schema::Value>{text, std::nullopt, std::nullopt});
    if (!from) from = to;
  }
  stage::RowTable::Reader integersBack(stage, table.name(), {"id"}, from, to);
  for (const auto& text : integers) {
    ASSERT_TRUE(integersBack.next());
    EXPECT_EQ(integersBack.values().front(), text);
  }
  EXPECT_EQ(stage.db().execAndGet("SELECT group_concat(type) FROM (SELECT typeof(id) AS type FROM \"m1.odd \"\"name\"\"\" "
                                  "WHERE rowid >= " + std::to_string(from) + " ORDER BY rowid)").getString(),
            "integer,text,integer,text,text,integer,integer,text,text,text,text,text,text,text,text,text");
}

TEST(RowChecksumTest, TellsNullFromEmptyAndSplitsFromJoins) {
  auto hash = [](std::vector<schema::Value> row) {
    stage::RowChecksum checksum;
    checksum.add(row);
    return checksum.hex();
  };
  EXPECT_NE(hash({std::nullopt}), hash({std::string()}));
  EXPECT_NE(hash({std::string("ab"), std::string("c")}), hash({std::string("a"), std::string("bc")}));
  EXPECT_EQ(hash({std::string("x")}), hash({std::string("x")}));
  // Short cells are one word each, longer ones a length word and their words: no overlap.
  EXPECT_NE(hash({std::string("12345678")}), hash({std::string("1234567"), std::string("8")}));
  EXPECT_NE(hash({std::string(7, '\xff')}), hash({std::nullopt}));
  EXPECT_NE(hash({std::string("abcdefgh"), std::string()}), hash({std::string("abcdefgh")}));
  EXPECT_NE(hash({std::string(16, 'a')}), hash({std::string(15, 'a')}));
  // An empty view may have no data pointer at all: the same as '', not NULL.
  stage::RowChecksum emptyView;
  emptyView.add(std::vector<schema::ValueView>{std::string_view()});
  EXPECT_EQ(emptyView.hex(), hash({std::string()}));
}

}  // namespace
}  // namespace m2stage::test
