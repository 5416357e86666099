// Exit codes of every m2stage command. Stable across versions; the README has the same table.
#pragma once

namespace m2stage::cmd {

enum ExitCode : int {
  kSuccess = 0,
  kInternalError = 1,       // a bug: please report it
  kUsageError = 2,          // bad option, missing or malformed config, map or group file
  kIntegrityFailed = 3,     // integrity check found errors and --auto was not given
  kDatabaseError = 4,       // cannot connect, missing privilege, SQL error on either database
  kStageError = 5,          // staging file missing, foreign, newer, truncated, or not ready for the step
  kVerificationFailed = 6,  // Magento 2 does not match the staged rows after load
  kInterrupted = 130,       // Ctrl-C or SIGTERM; the work done so far is kept and resumable
};

}  // namespace m2stage::cmd
