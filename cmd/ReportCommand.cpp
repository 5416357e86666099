// `m2stage report --html FILE`: writes the self-contained HTML report (audit/Report).
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "audit/Report.hpp"
#include "cmd/Commands.hpp"
#include "cmd/ExitCode.hpp"
#include "schema/XmlFile.hpp"
#include "stage/Runs.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::cmd {

int reportCommand(const Options& options) {
  stage::StageFile stage(options.stage, stage::StageFile::OpenMode::MustExist);
  if (options.run && !stage::Runs(stage).find(*options.run))
    throw stage::StageError(fmt::format("{}: no run {}", options.stage, *options.run));
  audit::HtmlReport report(stage, options.run);
  std::string page = report.render();
  // Written beside the target and renamed, so a reader never sees half a page.
  std::filesystem::path target(options.html);
  std::filesystem::path partial = target.string() + ".part";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << page;
    out.close();
    if (!out) throw schema::InputError(fmt::format("{}: cannot write the report", partial.string()));
  }
  std::filesystem::rename(partial, target);
  fmt::print("report: run {} of {} written to {} ({} bytes)\n", report.run(), options.stage, target.string(), page.size());
  return kSuccess;
}

}  // namespace m2stage::cmd
