// The append-only audit trail in the staging file: who ran what, where, when, and how it ended.
// Triggers in the staging file refuse UPDATE and DELETE on it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "stage/StageFile.hpp"

namespace m2stage::audit {

class AuditTrail {
 public:
  // `command` is the command line as the user typed it, with passwords already removed.
  AuditTrail(stage::StageFile& stage, std::string command);

  void record(std::optional<std::int64_t> run, const std::string& event, const std::string& document = "",
              std::optional<std::int64_t> rows = std::nullopt, const std::string& detail = "");

  const std::string& command() const { return command_; }

 private:
  stage::StageFile& stage_;
  std::string command_;
  std::string host_;
};

}  // namespace m2stage::audit
