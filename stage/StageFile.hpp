// The staging file: one SQLite database that carries a migration between the two servers.
// It identifies itself (application_id), states its format (user_version), and holds runs,
// progress, findings, the audit trail, configs, schemas and the staged rows. See README.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <SQLiteCpp/Database.h>

namespace m2stage::stage {

// The staging file cannot be used: not a staging file, newer format, truncated, locked, full disk...
class StageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr int kApplicationId = 0x4D325354;  // "M2ST"
inline constexpr int kFormatVersion = 1;

class StageFile {
 public:
  // BesideMain: an existing file, opened by a worker beside the command's main connection, which
  // folds the WAL back in when it closes; the worker leaves that to it (each fold syncs twice).
  enum class OpenMode { CreateIfMissing, MustExist, BesideMain };

  // Throws StageError with a one-line reason naming the file.
  StageFile(const std::filesystem::path& path, OpenMode mode);
  ~StageFile();
  StageFile(const StageFile&) = delete;
  StageFile& operator=(const StageFile&) = delete;

  SQLite::Database& db() { return *db_; }
  // SQLite's page cache of this connection, in KiB (kCacheKib unless set).
  static constexpr int kCacheKib = 16384;
  void setCacheSize(int kib);
  // For a writer whose WAL another connection folds into the file (stage::WalFolder), instead of
  // the writer itself in the commit that passes 2 MiB of WAL.
  void stopAutomaticCheckpoints();
  // The pages the WAL held after this connection's last commit (once automatic checkpoints are off).
  int walPages() const { return walPages_; }
  // Folds the WAL's committed pages into the file (and syncs both) without waiting for any other
  // connection; returns the pages the WAL holds, or -1 when another connection is folding it.
  int checkpointWithoutWaiting();
  const std::filesystem::path& path() const { return path_; }

  // Quotes an SQLite identifier ("..." with doubled quotes).
  static std::string quote(const std::string& name);

 private:
  static void createFile(const std::filesystem::path& path);
  static void writeFormat(SQLite::Database& db);
  void refuseForeignOrCutShort();
  void createFormat();
  void checkFormat();

  std::filesystem::path path_;
  bool foldOnClose_;
  int walPages_ = 0;
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace m2stage::stage
