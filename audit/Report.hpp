// The migration report: one self-contained HTML page (inline CSS and SVG, no script, no
// network) for a migration lead: the runs, one run's documents with rows and time per step,
// a bar chart of rows and time per document, the verification results, the findings and the
// commands that were run. Everything comes from the staging file's views (stage/Views).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "stage/StageFile.hpp"

namespace m2stage::audit {

class HtmlReport {
 public:
  // `run`: the run to detail; the newest run when absent.
  HtmlReport(stage::StageFile& stage, std::optional<std::int64_t> run);

  // The whole page.
  std::string render();
  // The run detailed (0 when the file has no run yet).
  std::int64_t run() const { return run_; }

  // Text for HTML element content and attribute values.
  static std::string escape(const std::string& text);

 private:
  std::string header();
  std::string summary();
  std::string runs();
  std::string chart();
  std::string documents();
  std::string verification();
  std::string findings();
  std::string commands();

  stage::StageFile& stage_;
  std::int64_t run_ = 0;
};

}  // namespace m2stage::audit
