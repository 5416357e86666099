#include <fmt/format.h>

#include "cmd/Commands.hpp"
#include "cmd/ExitCode.hpp"
#include "extract/ChangeLogInstaller.hpp"
#include "extract/ChangeLogStatus.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Config.hpp"
#include "schema/DocumentGroups.hpp"
#include "schema/XmlFile.hpp"
#include "audit/AuditTrail.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::cmd {

namespace {
std::string yesNo(bool value) { return value ? "yes" : "no"; }
}  // namespace

int deltalogCommand(const Options& options) {
  using schema::Side;
  auto config = schema::Config::load(options.config);
  auto groupsFile = config.fileOption("delta_document_groups_file");
  if (groupsFile.empty())
    throw schema::InputError(fmt::format("{}: no <delta_document_groups_file> option; m2stage does not know which tables to track",
                                         config.file().string()));
  auto groups = schema::DocumentGroups::load(groupsFile);
  mariadb::Connection source(config.database(Side::Source), config.initStatements(Side::Source));
  std::string prefix = config.prefix(Side::Source);
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::CreateIfMissing);
  audit::AuditTrail audit(stage, options.commandLine);

  if (options.action == "status") {
    auto states = extract::ChangeLogStatus(source, prefix).read(groups);
    std::size_t width = 8;
    for (const auto& state : states) width = std::max(width, state.document.size());
    fmt::print("{:<{}} {:<7} {:<10} {:<28} {:>8}\n", "document", width, "table", "change-log", "triggers (ins/upd/del)", "pending");
    int incomplete = 0;
    for (const auto& state : states) {
      if (state.tablePresent && !state.complete()) ++incomplete;
      fmt::print("{:<{}} {:<7} {:<10} {:<28} {:>8}\n", state.document, width, yesNo(state.tablePresent),
                 yesNo(state.changeLogPresent),
                 fmt::format("{}/{}/{}", yesNo(state.triggers[0]), yesNo(state.triggers[1]), yesNo(state.triggers[2])),
                 state.pending ? std::to_string(*state.pending) : "-");
    }
    fmt::print("{} tracked tables, {} without complete capture\n", states.size(), incomplete);
    return kSuccess;
  }
  if (options.action == "install") {
    auto installed = extract::ChangeLogInstaller(source, prefix).install(groups, options.reset);
    audit.record(std::nullopt, "deltalog.install", "", static_cast<std::int64_t>(installed.installed.size()));
    fmt::print("deltalog: {} tables captured, {} triggers created, {} merged, {} change-logs emptied, {} tables absent\n",
               installed.installed.size(), installed.createdTriggers.size(), installed.mergedTriggers.size(),
               installed.truncated.size(), installed.missing.size());
    return kSuccess;
  }
  auto removed = extract::ChangeLogInstaller(source, prefix).remove(groups);
  audit.record(std::nullopt, "deltalog.remove", "", static_cast<std::int64_t>(removed.droppedChangeLogs.size()));
  fmt::print("deltalog: {} triggers dropped, {} third-party triggers restored, {} change-logs dropped\n",
             removed.droppedTriggers.size(), removed.restoredTriggers.size(), removed.droppedChangeLogs.size());
  return kSuccess;
}

}  // namespace m2stage::cmd
