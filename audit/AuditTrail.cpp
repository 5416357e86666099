#include "audit/AuditTrail.hpp"

#include <SQLiteCpp/Statement.h>

#include "stage/Clock.hpp"

namespace m2stage::audit {

AuditTrail::AuditTrail(stage::StageFile& stage, std::string command)
    : stage_(stage), command_(std::move(command)), host_(stage::hostName()) {}

void AuditTrail::record(std::optional<std::int64_t> run, const std::string& event, const std::string& document,
                        std::optional<std::int64_t> rows, const std::string& detail) {
  SQLite::Statement insert(stage_.db(),
                           "INSERT INTO audit (at, run_id, host, command, event, document, rows, detail) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, stage::nowUtc());
  if (run) insert.bind(2, *run); else insert.bind(2);
  insert.bind(3, host_);
  insert.bind(4, command_);
  insert.bind(5, event);
  if (document.empty()) insert.bind(6); else insert.bind(6, document);
  if (rows) insert.bind(7, *rows); else insert.bind(7);
  if (detail.empty()) insert.bind(8); else insert.bind(8, detail);
  insert.exec();
}

}  // namespace m2stage::audit
