#include "audit/Report.hpp"

#include <algorithm>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "Version.hpp"
#include "stage/Clock.hpp"

namespace m2stage::audit {

namespace {

// Print-friendly, readable without colour too: states carry a word, not only a colour.
constexpr const char* kStyle = R"CSS(
:root { --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --ok: #1b7f3b; --bad: #c62828; --warn: #b26a00;
        --rows: #2f6fb0; --time: #e08a1e; }
* { box-sizing: border-box; }
body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: var(--ink);
       margin: 0 auto; max-width: 1220px; padding: 24px 32px 48px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
p.meta { color: var(--muted); margin: 0 0 16px; }
.tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.nowrap { white-space: nowrap; }
.tile .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.tile .value { font-size: 22px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f5f7fa; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: #fafbfc; }
.state { font-weight: 600; }
.done, .ok, .loaded { color: var(--ok); }
.failed, .mismatch, .error { color: var(--bad); }
.running, .warning, .unfinished, .pending { color: var(--warn); }
.note { color: var(--muted); }
.message { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }
svg text { font: 12px "DejaVu Sans", Arial, sans-serif; fill: var(--ink); }
svg .rows { fill: var(--rows); } svg .time { fill: var(--time); } svg .axis { fill: var(--muted); }
)CSS";

std::string text(const SQLite::Column& column, const std::string& none = "–") {
  return column.isNull() ? none : HtmlReport::escape(column.getString());
}

// A state word as a coloured, still readable span.
std::string state(const SQLite::Column& column) {
  if (column.isNull()) return "<span class=\"note\">–</span>";
  std::string value = HtmlReport::escape(column.getString());
  std::string word = value.substr(value.find_last_of(' ') == std::string::npos ? 0 : value.find_last_of(' ') + 1);
  return fmt::format("<span class=\"state {}\">{}</span>", word, value);
}

std::string seconds(double value) { return value < 10 ? fmt::format("{:.2f}", value) : fmt::format("{:.1f}", value); }

std::string tile(const std::string& label, const std::string& value, const std::string& id) {
  return fmt::format("<div class=\"tile\" id=\"{}\"><div class=\"label\">{}</div><div class=\"value\">{}</div></div>", id,
                     label, value);
}

}  // namespace

HtmlReport::HtmlReport(stage::StageFile& stage, std::optional<std::int64_t> run) : stage_(stage) {
  if (run) {
    run_ = *run;
  } else {
    run_ = stage_.db().execAndGet("SELECT COALESCE(MAX(run_id), 0) FROM run").getInt64();
  }
}

std::string HtmlReport::escape(const std::string& text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\'': escaped += "&#39;"; break;
      default: escaped += c;
    }
  }
  return escaped;
}

std::string HtmlReport::render() {
  std::string page = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>m2stage report: {}</title><style>{}</style></head>\n<body>\n",
      escape(stage_.path().filename().string()), kStyle);
  page += header();
  if (run_ == 0) return page + "<p id=\"no-runs\">No runs yet: run <code>m2stage extract</code> first.</p>\n</body></html>\n";
  page += summary() + runs() + chart() + documents() + verification() + findings() + commands();
  return page + "</body></html>\n";
}

std::string HtmlReport::header() {
  return fmt::format("<header><h1>Magento 1 → Magento 2 migration report</h1>"
                     "<p class=\"meta\">Staging file <code>{}</code> · generated {} · m2stage {}</p></header>\n",
                     escape(stage_.path().string()), escape(stage::nowUtc()), escape(kVersion));
}

std::string HtmlReport::summary() {
  SQLite::Statement query(stage_.db(), "SELECT kind, mode, state, documents, extracted_rows, loaded_rows, seconds, "
                                       "verification, mismatches, errors, warnings, source, destination, load_state "
                                       "FROM run_summary WHERE run_id = ?");
  query.bind(1, run_);
  if (!query.executeStep()) return fmt::format("<p id=\"no-run\">No run {} in this staging file.</p>\n", run_);
  std::string verified = query.getColumn(13).isNull() ? "<span class=\"note\">not loaded</span>" : state(query.getColumn(7));
  std::string html = fmt::format("<section id=\"summary\"><h2>Run {} ({} {})</h2>"
                                 "<p class=\"meta\">from <code>{}</code> to <code>{}</code></p><div class=\"tiles\">",
                                 run_, text(query.getColumn(0)), text(query.getColumn(1)), text(query.getColumn(11)),
                                 text(query.getColumn(12)));
  html += tile("state", state(query.getColumn(2)), "tile-state");
  html += tile("documents", text(query.getColumn(3)), "tile-documents");
  html += tile("rows extracted", text(query.getColumn(4)), "tile-extracted");
  html += tile("rows loaded", text(query.getColumn(5)), "tile-loaded");
  html += tile("time", query.getColumn(6).isNull() ? "–" : seconds(query.getColumn(6).getDouble()) + " s", "tile-time");
  html += tile("verification", verified, "tile-verification");
  html += tile("findings", fmt::format("{} errors · {} warnings", text(query.getColumn(9)), text(query.getColumn(10))),
               "tile-findings");
  return html + "</div></section>\n";
}

std::string HtmlReport::runs() {
  SQLite::Statement query(stage_.db(), "SELECT run_id, kind, mode, state, created_at, host, extract_state, transform_state, "
                                       "load_state, documents, extracted_rows, loaded_rows, verification, errors, warnings, "
                                       "pending_rows FROM run_summary ORDER BY run_id");
  std::string html = "<section id=\"runs\"><h2>Runs</h2><table><thead><tr><th class=\"num\">run</th><th>kind</th>"
                     "<th>state</th><th>created (UTC)</th><th>host</th><th>extract</th><th>transform</th><th>load</th>"
                     "<th class=\"num\">documents</th><th class=\"num\">rows extracted</th><th class=\"num\">rows loaded</th>"
                     "<th>verification</th><th class=\"num\">errors</th><th class=\"num\">warnings</th>"
                     "<th class=\"num\">delta pending</th></tr></thead><tbody>\n";
  while (query.executeStep()) {
    html += fmt::format("<tr data-run=\"{}\"><td class=\"num\">{}</td><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td>"
                        "<td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                        "<td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                        "<td class=\"num\">{}</td></tr>\n",
                        text(query.getColumn(0)), text(query.getColumn(0)), text(query.getColumn(1)), text(query.getColumn(2)),
                        state(query.getColumn(3)), "<span class=\"nowrap\">" + text(query.getColumn(4)).substr(0, 19) + "</span>", text(query.getColumn(5)),
                        state(query.getColumn(6)), state(query.getColumn(7)), state(query.getColumn(8)),
                        text(query.getColumn(9)), text(query.getColumn(10)), text(query.getColumn(11)),
                        state(query.getColumn(12)), text(query.getColumn(13)), text(query.getColumn(14)),
                        text(query.getColumn(15)));
  }
  return html + "</tbody></table></section>\n";
}

std::string HtmlReport::chart() {
  struct Bar {
    std::string document;
    std::int64_t rows = 0;
    double seconds = 0;
  };
  std::vector<Bar> bars;
  // Rows: what the furthest step reached; time: the three steps together.
  SQLite::Statement query(stage_.db(), "SELECT document, MAX(rows_done), COALESCE(SUM(seconds), 0) FROM document_status "
                                       "WHERE run_id = ? GROUP BY document ORDER BY MAX(rows_done) DESC, document");
  query.bind(1, run_);
  while (query.executeStep())
    bars.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt64(), query.getColumn(2).getDouble()});
  if (bars.empty()) return "<section id=\"chart\"><h2>Rows and time per document</h2><p class=\"note\">No documents yet.</p></section>\n";
  std::int64_t maxRows = 1;
  double maxSeconds = 0.001;
  std::size_t longest = 8;
  for (const auto& bar : bars) {
    maxRows = std::max(maxRows, bar.rows);
    maxSeconds = std::max(maxSeconds, bar.seconds);
    longest = std::max(longest, bar.document.size());
  }
  const int rowHeight = 18, top = 28, label = static_cast<int>(std::min<std::size_t>(longest, 44) * 7 + 12), area = 330,
            gap = 70, width = label + 2 * area + gap + 50;
  const int height = top + static_cast<int>(bars.size()) * rowHeight + 8;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "style=\"max-width: 100%; height: auto\" "
      "aria-label=\"rows and time per document\">"
      "<text x=\"{2}\" y=\"16\" font-weight=\"600\">rows (max {3})</text>"
      "<text x=\"{4}\" y=\"16\" font-weight=\"600\">time, all steps (max {5} s)</text>",
      width, height, label, maxRows, label + area + gap, seconds(maxSeconds));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& bar = bars[i];
    int y = top + static_cast<int>(i) * rowHeight;
    int rowsWidth = std::max(1, static_cast<int>(area * static_cast<double>(bar.rows) / static_cast<double>(maxRows)));
    int timeWidth = std::max(1, static_cast<int>(area * bar.seconds / maxSeconds));
    std::string name = bar.document.size() > 44 ? bar.document.substr(0, 43) + "…" : bar.document;
    svg += fmt::format(
        "<g data-document=\"{0}\"><title>{0}: {1} rows, {2} s</title>"
        "<text x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5}</text>"
        "<rect class=\"rows\" x=\"{6}\" y=\"{7}\" width=\"{8}\" height=\"{9}\" rx=\"2\"/>"
        "<text class=\"axis\" x=\"{10}\" y=\"{4}\">{1}</text>"
        "<rect class=\"time\" x=\"{11}\" y=\"{7}\" width=\"{12}\" height=\"{9}\" rx=\"2\"/>"
        "<text class=\"axis\" x=\"{13}\" y=\"{4}\">{2}</text></g>",
        escape(bar.document), bar.rows, seconds(bar.seconds), label - 8, y + 13, escape(name), label, y + 3, rowsWidth,
        rowHeight - 5, label + rowsWidth + 4, label + area + gap, timeWidth, label + area + gap + timeWidth + 4);
  }
  return "<section id=\"chart\"><h2>Rows and time per document</h2>" + svg + "</svg></section>\n";
}

std::string HtmlReport::documents() {
  std::string select = "SELECT document, MAX(target)";
  for (const char* step : {"extract", "transform", "load"})
    select += fmt::format(", MAX(CASE WHEN step = '{0}' THEN state END), MAX(CASE WHEN step = '{0}' THEN rows_done END), "
                          "MAX(CASE WHEN step = '{0}' THEN rows_total END)",
                          step);
  select += ", SUM(seconds), MAX(CASE WHEN step = 'load' THEN rows_per_second END), MAX(verification) "
            "FROM document_status WHERE run_id = ? GROUP BY document ORDER BY document";
  SQLite::Statement query(stage_.db(), select);
  query.bind(1, run_);
  std::string html = "<section id=\"documents\"><h2>Documents</h2><table><thead><tr><th>document</th><th>Magento 2 table</th>"
                     "<th>extract</th><th class=\"num\">rows</th><th>transform</th><th class=\"num\">rows</th>"
                     "<th>load</th><th class=\"num\">rows</th><th class=\"num\">seconds</th><th class=\"num\">load rows/s</th>"
                     "<th>verified</th></tr></thead><tbody>\n";
  while (query.executeStep()) {
    html += fmt::format("<tr data-document=\"{0}\"><td>{0}</td><td>{1}</td>", text(query.getColumn(0)), text(query.getColumn(1)));
    for (int step = 0; step < 3; ++step) {
      int first = 2 + step * 3;
      std::string rows = text(query.getColumn(first + 1));
      if (!query.getColumn(first + 2).isNull() && query.getColumn(first + 2).getInt64() != query.getColumn(first + 1).getInt64())
        rows += " / " + text(query.getColumn(first + 2));
      html += fmt::format("<td>{}</td><td class=\"num\">{}</td>", state(query.getColumn(first)), rows);
    }
    html += fmt::format("<td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
                        query.getColumn(11).isNull() ? "–" : seconds(query.getColumn(11).getDouble()),
                        text(query.getColumn(12)), state(query.getColumn(13)));
  }
  return html + "</tbody></table></section>\n";
}

std::string HtmlReport::verification() {
  SQLite::Statement counts(stage_.db(), "SELECT COUNT(*), SUM(verification = 'ok'), SUM(verification = 'mismatch') "
                                        "FROM document_status WHERE run_id = ? AND step = 'load'");
  counts.bind(1, run_);
  counts.executeStep();
  std::int64_t loaded = counts.getColumn(0).getInt64();
  std::string html = "<section id=\"verification\"><h2>Verification</h2>";
  if (loaded == 0) return html + "<p class=\"note\">Not loaded yet: the volume check runs after each document is loaded.</p></section>\n";
  std::int64_t ok = counts.getColumn(1).getInt64(), mismatched = counts.getColumn(2).getInt64();
  html += fmt::format("<p id=\"verification-result\">Volume check (Magento 2 row count against the staged rows): "
                      "<span class=\"state {}\">{} of {} documents match</span>, {} mismatched.</p>",
                      mismatched ? "failed" : "ok", ok, loaded, mismatched);
  SQLite::Statement failures(stage_.db(), "SELECT document, target, rows_done, rows_total, detail FROM document_status "
                                          "WHERE run_id = ? AND step = 'load' AND verification IS NOT 'ok' ORDER BY document");
  failures.bind(1, run_);
  std::string rows;
  while (failures.executeStep())
    rows += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"message\">{}</td></tr>\n",
                        text(failures.getColumn(0)), text(failures.getColumn(1)), text(failures.getColumn(2)),
                        text(failures.getColumn(3)), text(failures.getColumn(4)));
  if (!rows.empty())
    html += "<table><thead><tr><th>document</th><th>Magento 2 table</th><th class=\"num\">loaded</th>"
            "<th class=\"num\">staged</th><th>message</th></tr></thead><tbody>\n" + rows + "</tbody></table>";
  return html + "</section>\n";
}

std::string HtmlReport::findings() {
  SQLite::Statement groups(stage_.db(), "SELECT step, kind, severity, findings FROM findings_by_kind WHERE run_id = ? "
                                        "ORDER BY CASE step WHEN 'extract' THEN 1 WHEN 'transform' THEN 2 ELSE 3 END, kind, severity");
  groups.bind(1, run_);
  std::string html = "<section id=\"findings\"><h2>Findings</h2>";
  std::string summary;
  while (groups.executeStep())
    summary += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n", text(groups.getColumn(0)),
                           text(groups.getColumn(1)), state(groups.getColumn(2)), text(groups.getColumn(3)));
  if (summary.empty()) return html + "<p id=\"no-findings\">No integrity or volume findings for this run.</p></section>\n";
  html += "<table id=\"findings-by-kind\"><thead><tr><th>step</th><th>kind</th><th>severity</th><th class=\"num\">count</th>"
          "</tr></thead><tbody>\n" + summary + "</tbody></table>";
  SQLite::Statement query(stage_.db(), "SELECT step, kind, severity, document, message FROM finding WHERE run_id = ? "
                                       "ORDER BY CASE step WHEN 'extract' THEN 1 WHEN 'transform' THEN 2 ELSE 3 END, kind, finding_id");
  query.bind(1, run_);
  html += "<table id=\"findings-list\"><thead><tr><th>step</th><th>kind</th><th>severity</th><th>document</th>"
          "<th>message (official text)</th></tr></thead><tbody>\n";
  while (query.executeStep())
    html += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"message\">{}</td></tr>\n",
                        text(query.getColumn(0)), text(query.getColumn(1)), state(query.getColumn(2)),
                        text(query.getColumn(3)), text(query.getColumn(4)));
  return html + "</tbody></table></section>\n";
}

std::string HtmlReport::commands() {
  SQLite::Statement query(stage_.db(), "SELECT started_at, finished_at, host, command, arguments, outcome, rows, detail "
                                       "FROM command_history WHERE run_id = ? OR run_id IS NULL ORDER BY command_id");
  query.bind(1, run_);
  std::string html = "<section id=\"commands\"><h2>Commands</h2><table><thead><tr><th>started</th><th>finished</th>"
                     "<th>host</th><th>command</th><th>outcome</th><th class=\"num\">rows</th><th>arguments</th>"
                     "<th>detail</th></tr></thead><tbody>\n";
  while (query.executeStep())
    html += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
                        "<td class=\"message\">{}</td><td>{}</td></tr>\n",
                        text(query.getColumn(0)), text(query.getColumn(1)), text(query.getColumn(2)),
                        text(query.getColumn(3)), state(query.getColumn(5)), text(query.getColumn(6)),
                        text(query.getColumn(4)), text(query.getColumn(7), ""));
  return html + "</tbody></table></section>\n";
}

}  // namespace m2stage::audit
