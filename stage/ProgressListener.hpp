// Receives progress of a long step (documents started, rows done, documents finished), so the
// command line can draw it without the steps knowing about terminals. Calls come from worker
// threads; implementations synchronise themselves.
#pragma once

#include <cstdint>
#include <string>

namespace m2stage::stage {

class ProgressListener {
 public:
  virtual ~ProgressListener() = default;
  // `expectedRows` is the server's estimate (0 when unknown).
  virtual void started(const std::string& document, std::int64_t doneRows, std::int64_t expectedRows) = 0;
  virtual void advanced(const std::string& document, std::int64_t doneRows) = 0;
  virtual void finished(const std::string& document) = 0;
};

}  // namespace m2stage::stage
