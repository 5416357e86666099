// Inspecting a migration: status, findings, audit (table, JSON, CSV), the views, prune and the
// HTML report, on a staging file written by a real extract, transform (strict, then --auto) and
// load of the official `default` fixture. JSON is parsed back with SQLite's json functions.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

// The staging file of one extract/transform/load, made once for the program and copied per test.
struct Prepared {
  std::filesystem::path directory, config, stage;
  std::string failure;  // why preparing failed, empty when it worked
  ~Prepared() {
    std::error_code ignored;
    if (!directory.empty()) std::filesystem::remove_all(directory, ignored);
  }
};

const Prepared& prepared() {
  static Prepared result = [] {
    Prepared made;
    auto fixture = sharedFixtures() / "dmt-tests" / "default";
    MariaDbServer::instance().createDatabase("inspect_m1", fixture / "source.sql");
    MariaDbServer::instance().createDatabase("inspect_m2", fixture / "dest.sql");
    made.directory = makeTempDir("m2stage-inspect-prepared");
    made.config = writeConfig(made.directory, "inspect_m1", "inspect_m2",
                              "<map_file>" + (sharedFixtures() / "dmt-tests" / "_files" / "map.xml").string() +
                                  "</map_file><bulk_size>3</bulk_size>");
    made.stage = made.directory / "shop.m2stage";
    auto step = [&](const std::string& command, int expected) {
      auto run = runM2stage(command + " " + made.config.string() + " --stage " + made.stage.string());
      if (run.exitCode != expected && made.failure.empty())
        made.failure = command + " exited " + std::to_string(run.exitCode) + ": " + run.output;
    };
    step("extract", 0);
    step("transform", 3);  // integrity errors without --auto: findings recorded, audit says so
    step("transform --auto", 0);
    step("load", 0);
    return made;
  }();
  return result;
}

// stdout only (logs go to stderr), for output that scripts parse.
CommandResult stdoutOf(const std::string& arguments) {
  CommandResult result;
  result.exitCode = runCommand("{ " + binary().string() + " " + arguments + " 2>/dev/null; }", &result.output);
  return result;
}

class InspectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    M2STAGE_REQUIRE_SHARED_FIXTURES();
    ASSERT_EQ(prepared().failure, "");
    directory_ = makeTempDir("m2stage-inspect");
    stage_ = directory_ / "shop.m2stage";
    std::filesystem::copy_file(prepared().stage, stage_);
  }
  void TearDown() override {
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
  }

  CommandResult inspect(const std::string& command, const std::string& extra = "") {
    return stdoutOf(command + " --stage " + stage_.string() + " " + extra);
  }
  // One value of SQL over a JSON document bound as ?1 (SQLite's json functions parse it).
  std::string json(const std::string& document, const std::string& sql) {
    SQLite::Database memory(":memory:");
    SQLite::Statement query(memory, sql);
    query.bind(1, document);
    if (!query.executeStep() || query.getColumn(0).isNull()) return "<null>";
    return query.getColumn(0).getString();
  }
  std::int64_t count(const std::string& sql) {
    SQLite::Database stage(stage_.string());
    return stage.execAndGet(sql).getInt64();
  }
  static std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> result;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) result.push_back(line);
    return result;
  }

  std::filesystem::path directory_, stage_;
};

TEST_F(InspectTest, StatusShowsStepsDocumentsRowsAndVerificationWithoutColourOffATerminal) {
  auto status = inspect("status");
  ASSERT_EQ(status.exitCode, 0) << status.output;
  EXPECT_NE(status.output.find("run 1  full data  loaded"), std::string::npos) << status.output;
  // Renamed document: shown with its Magento 2 table; 7 rows done of 7 expected in every step.
  auto line = status.output.find("table_with_data → table_without_data");
  ASSERT_NE(line, std::string::npos) << status.output;
  std::string row = status.output.substr(line, status.output.find('\n', line) - line);
  EXPECT_NE(row.find("7/7 done"), std::string::npos) << row;
  EXPECT_NE(row.find(" ok"), std::string::npos) << row;
  EXPECT_NE(status.output.find("verification: ok (0 volume mismatches)"), std::string::npos) << status.output;
  EXPECT_NE(status.output.find("findings:     0 errors, "), std::string::npos) << status.output;
  EXPECT_EQ(status.output.find("delta lag"), std::string::npos) << "no delta run, no delta lag";
  EXPECT_EQ(status.output.find("\033["), std::string::npos) << "colour only on a terminal";
}

TEST_F(InspectTest, StatusJsonHasTheDocumentedShape) {
  auto status = inspect("status", "--format json");
  ASSERT_EQ(status.exitCode, 0) << status.output;
  const std::string& doc = status.output;
  EXPECT_EQ(json(doc, "SELECT json_valid(?1)"), "1") << doc;
  EXPECT_EQ(json(doc, "SELECT json_array_length(?1, '$.runs')"), "1");
  EXPECT_EQ(json(doc, "SELECT json_extract(?1, '$.runs[0].state')"), "loaded");
  EXPECT_EQ(json(doc, "SELECT json_extract(?1, '$.runs[0].verification.result')"), "ok");
  EXPECT_EQ(json(doc, "SELECT json_type(?1, '$.runs[0].delta')"), "null");
  EXPECT_EQ(json(doc, "SELECT group_concat(json_extract(value, '$.step') || ':' || json_extract(value, '$.state'), ' ') "
                      "FROM json_each(?1, '$.runs[0].steps')"),
            "extract:done transform:done load:done");
  EXPECT_EQ(json(doc, "SELECT json_extract(value, '$.target') || ' ' || json_extract(value, '$.load.rows_done') || '/' || "
                      "json_extract(value, '$.load.rows_total') || ' ' || json_extract(value, '$.verification') "
                      "FROM json_each(?1, '$.runs[0].documents') WHERE json_extract(value, '$.document') = 'table_with_data'"),
            "table_without_data 7/7 ok");
  EXPECT_EQ(json(doc, "SELECT json_array_length(?1, '$.runs[0].documents')"),
            std::to_string(count("SELECT COUNT(DISTINCT document) FROM document WHERE run_id = 1")));
  EXPECT_EQ(json(doc, "SELECT json_extract(?1, '$.runs[0].findings.warnings')"),
            std::to_string(count("SELECT COUNT(*) FROM finding WHERE severity = 'warning'")));
}

TEST_F(InspectTest, StatusCsvIsOneRecordPerDocumentAndStep) {
  auto status = inspect("status", "--format csv");
  ASSERT_EQ(status.exitCode, 0) << status.output;
  auto records = lines(status.output);
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0], "run_id,document,target,step,state,rows_done,rows_total,chunks,seconds,rows_per_second,"
                        "verification,detail,started_at,finished_at\r");
  EXPECT_EQ(static_cast<std::int64_t>(records.size()) - 1, count("SELECT COUNT(*) FROM document"));
  bool found = false;
  for (const auto& record : records)
    found = found || record.rfind("1,table_with_data,table_without_data,load,done,7,7,3,", 0) == 0;
  EXPECT_TRUE(found) << status.output;
}

TEST_F(InspectTest, FindingsKeepTheOfficialTextGroupedWithCountsAndFilter) {
  const std::string message = "Source fields are not mapped. Document: common_table_extra_field. Fields: source_field_extra";
  auto all = inspect("findings");
  ASSERT_EQ(all.exitCode, 0) << all.output;
  EXPECT_NE(all.output.find(message), std::string::npos) << all.output;
  EXPECT_NE(all.output.find("run 1 · transform · fields_not_mapped: "), std::string::npos) << all.output;
  std::int64_t total = count("SELECT COUNT(*) FROM finding");
  ASSERT_GT(total, 0);
  EXPECT_NE(all.output.find(std::to_string(total) + (total == 1 ? " finding" : " findings") + ": 0 errors, " +
                            std::to_string(total) + " warnings"),
            std::string::npos) << all.output;

  auto grouped = inspect("findings", "--format json --run 1");
  ASSERT_EQ(grouped.exitCode, 0) << grouped.output;
  EXPECT_EQ(json(grouped.output, "SELECT json_extract(?1, '$.total')"), std::to_string(total));
  // Every group's count is the number of its findings, and the groups add up to the total.
  EXPECT_EQ(json(grouped.output, "SELECT SUM(json_extract(value, '$.count') = json_array_length(value, '$.findings')) = "
                                    "COUNT(*) AND SUM(json_extract(value, '$.count')) = json_extract(?1, '$.total') "
                                    "FROM json_each(?1, '$.groups')"),
            "1");
  EXPECT_EQ(json(grouped.output, "SELECT json_extract(f.value, '$.fields') || '|' || json_extract(f.value, '$.severity') "
                                 "FROM json_each(?1, '$.groups') g, json_each(g.value, '$.findings') f "
                                 "WHERE json_extract(f.value, '$.message') = '" + message + "'"),
            "source_field_extra|warning");

  auto kind = inspect("findings", "--kind fields_not_mapped --format csv");
  ASSERT_EQ(kind.exitCode, 0);
  auto records = lines(kind.output);
  EXPECT_EQ(static_cast<std::int64_t>(records.size()) - 1, count("SELECT COUNT(*) FROM finding WHERE kind = 'fields_not_mapped'"));
  for (std::size_t i = 1; i < records.size(); ++i) EXPECT_NE(records[i].find(",fields_not_mapped,"), std::string::npos) << records[i];

  auto document = inspect("findings", "--document common_table_extra_field --format json");
  EXPECT_EQ(json(document.output, "SELECT COUNT(*) FROM json_each(?1, '$.groups') g, json_each(g.value, '$.findings') f "
                                        "WHERE json_extract(f.value, '$.document') IS NOT 'common_table_extra_field'"),
            "0");
  EXPECT_NE(json(document.output, "SELECT json_extract(?1, '$.total')"), "0");
  auto none = inspect("findings", "--kind no_such_kind --format json");
  EXPECT_EQ(none.output, "{\"total\":0,\"errors\":0,\"warnings\":0,\"groups\":[]}\n");
}

TEST_F(InspectTest, AuditFoldsEventsIntoCommandsWithOutcomeAndRows) {
  auto trail = inspect("audit", "--format json");
  ASSERT_EQ(trail.exitCode, 0) << trail.output;
  EXPECT_EQ(json(trail.output, "SELECT group_concat(json_extract(value, '$.command') || ':' || "
                                    "json_extract(value, '$.outcome'), ' ') FROM json_each(?1)"),
            "extract:done transform:integrity failed transform:done load:done");
  std::int64_t loaded = count("SELECT SUM(rows) FROM document WHERE step = 'load'");
  EXPECT_EQ(json(trail.output, "SELECT json_extract(value, '$.rows') FROM json_each(?1) "
                                    "WHERE json_extract(value, '$.command') = 'load'"),
            std::to_string(loaded));
  EXPECT_EQ(json(trail.output, "SELECT COUNT(*) FROM json_each(?1) WHERE json_extract(value, '$.host') <> '' "
                                    "AND json_extract(value, '$.arguments') LIKE '%--stage %' "
                                    "AND json_extract(value, '$.started_at') <= json_extract(value, '$.finished_at')"),
            "4");

  auto table = inspect("audit");
  EXPECT_NE(table.output.find("integrity failed"), std::string::npos) << table.output;
  EXPECT_EQ(json(trail.output, "SELECT json_type(value, '$.rows') FROM json_each(?1) "
                               "WHERE json_extract(value, '$.outcome') = 'integrity failed'"),
            "null")
      << "an integrity failure moved no rows";
  EXPECT_EQ(lines(inspect("audit", "--since 1d --format csv").output).size(), 5u);
  EXPECT_EQ(lines(inspect("audit", "--run 1 --format csv").output).size(), 5u);
  EXPECT_EQ(inspect("audit", "--since 2999-01-01 --format json").output, "[]\n");
  EXPECT_EQ(inspect("audit", "--since yesterday-ish").exitCode, 2);
}

TEST_F(InspectTest, ViewsAnswerTheDocumentedQuestions) {
  SQLite::Database stage(stage_.string());
  SQLite::Statement summary(stage, "SELECT state, verification, documents, loaded_rows, errors, pending_rows FROM run_summary");
  ASSERT_TRUE(summary.executeStep());
  EXPECT_EQ(summary.getColumn(0).getString(), "loaded");
  EXPECT_EQ(summary.getColumn(1).getString(), "ok");
  EXPECT_EQ(summary.getColumn(3).getInt64(), count("SELECT SUM(rows) FROM document WHERE step = 'load'"));
  EXPECT_EQ(summary.getColumn(4).getInt64(), 0);
  EXPECT_TRUE(summary.getColumn(5).isNull()) << "pending rows only for delta runs";
  EXPECT_EQ(stage.execAndGet("SELECT rows_done || '/' || rows_total || ' ' || verification FROM document_status "
                             "WHERE run_id = 1 AND step = 'load' AND document = 'table_with_data'").getString(),
            "7/7 ok");
  EXPECT_EQ(stage.execAndGet("SELECT SUM(findings) FROM findings_by_kind").getInt64(), count("SELECT COUNT(*) FROM finding"));
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM delta_lag").getInt64(), 0);
  EXPECT_EQ(stage.execAndGet("SELECT group_concat(step || ':' || state, ' ') FROM (SELECT * FROM step_status WHERE run_id = 1 "
                             "ORDER BY started_at)").getString(),
            "extract:done transform:done load:done");
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM command_history").getInt64(), 4);
}

TEST_F(InspectTest, PruneDropsOldRunsStagedRowsKeepsTheirHistoryAndSaysWhatItFreed) {
  auto reset = runM2stage("extract " + prepared().config.string() + " --stage " + stage_.string() + " --reset");
  ASSERT_EQ(reset.exitCode, 0) << reset.output;
  std::int64_t findings = count("SELECT COUNT(*) FROM finding WHERE run_id = 1");
  std::int64_t progress = count("SELECT COUNT(*) FROM document WHERE run_id = 1");
  std::int64_t events = count("SELECT COUNT(*) FROM audit");
  std::int64_t staged = count("SELECT (SELECT COUNT(*) FROM \"m1.table_with_data\" WHERE _run = 1) + "
                              "(SELECT COUNT(*) FROM \"m2.table_without_data\" WHERE _run = 1)");
  ASSERT_EQ(staged, 14);

  EXPECT_EQ(inspect("prune", "--before 9").exitCode, 5) << "no run 9";
  EXPECT_EQ(inspect("prune").exitCode, 2) << "--before is required";
  auto pruned = inspect("prune", "--before 2");
  ASSERT_EQ(pruned.exitCode, 0) << pruned.output;
  EXPECT_NE(pruned.output.find("bytes before"), std::string::npos) << pruned.output;
  EXPECT_NE(pruned.output.find("bytes freed"), std::string::npos) << pruned.output;

  EXPECT_EQ(count("SELECT COUNT(*) FROM \"m1.table_with_data\" WHERE _run = 1"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM \"m2.table_without_data\" WHERE _run = 1"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM \"m1.table_with_data\" WHERE _run = 2"), 7) << "the newer run keeps its rows";
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE run_id = 1"), findings);
  EXPECT_EQ(count("SELECT COUNT(*) FROM document WHERE run_id = 1"), progress);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit"), events + 1);
  EXPECT_GE(count("SELECT rows FROM audit WHERE event = 'prune'"), staged);
  EXPECT_EQ(count("SELECT COUNT(*) FROM command_history WHERE command = 'prune' AND outcome = 'done'"), 1);
  EXPECT_EQ(count("PRAGMA freelist_count"), 0) << "VACUUM leaves no free pages";
}

TEST_F(InspectTest, ExitCodesFollowTheReadmeTable) {
  EXPECT_EQ(stdoutOf("status --stage " + (directory_ / "absent.m2stage").string()).exitCode, 5);
  EXPECT_EQ(inspect("status", "--format xml").exitCode, 2);
  EXPECT_EQ(inspect("status", "--run 42").exitCode, 5);
  EXPECT_EQ(inspect("findings", "--run 42").exitCode, 5);
  EXPECT_EQ(inspect("report").exitCode, 2) << "--html is required";
}

TEST_F(InspectTest, ReportIsSelfContainedAndRendersInHeadlessChromium) {
  auto html = directory_ / "report.html";
  auto written = inspect("report", "--html " + html.string());
  ASSERT_EQ(written.exitCode, 0) << written.output;
  std::ifstream in(html);
  std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(page.find("<svg"), std::string::npos);
  for (const char* external : {"<script", "<link", "src=", "@import", "url("}) EXPECT_EQ(page.find(external), std::string::npos) << external;

  if (runCommand("command -v chromium") != 0) GTEST_SKIP() << "chromium absent (scripts/install-deps installs it)";
  std::string flags = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
                      "--disable-component-update --disable-sync --user-data-dir=" + (directory_ / "chromium").string();
  std::string dom;
  ASSERT_EQ(runCommand("{ timeout 120 chromium " + flags + " --dump-dom file://" + html.string() + " 2>/dev/null; }", &dom), 0);
  EXPECT_NE(dom.find("Magento 1 → Magento 2 migration report"), std::string::npos);
  // Per-document table: the renamed document, its Magento 2 table, 7 rows in each step, verified.
  auto row = dom.find("<tr data-document=\"table_with_data\">");
  ASSERT_NE(row, std::string::npos) << dom.substr(0, 2000);
  std::string cells = dom.substr(row, dom.find("</tr>", row) - row);
  EXPECT_NE(cells.find("table_without_data"), std::string::npos) << cells;
  EXPECT_NE(cells.find("<td class=\"num\">7</td>"), std::string::npos) << cells;
  EXPECT_NE(cells.find("<span class=\"state ok\">ok</span>"), std::string::npos) << cells;
  EXPECT_NE(dom.find("<g data-document=\"table_with_data\"><title>table_with_data: 7 rows"), std::string::npos);
  std::int64_t loaded = count("SELECT COUNT(*) FROM document WHERE step = 'load'");
  EXPECT_NE(dom.find(std::to_string(loaded) + " of " + std::to_string(loaded) + " documents match"), std::string::npos);
  EXPECT_NE(dom.find("Source fields are not mapped. Document: common_table_extra_field. Fields: source_field_extra"),
            std::string::npos);

  auto png = directory_ / "report.png";
  ASSERT_EQ(runCommand("{ timeout 120 chromium " + flags + " --screenshot=" + png.string() +
                       " --window-size=1280,1600 file://" + html.string() + " >/dev/null 2>&1; }"),
            0);
  std::ifstream image(png, std::ios::binary);
  std::string signature(8, '\0');
  image.read(signature.data(), 8);
  EXPECT_EQ(signature, "\x89PNG\r\n\x1a\n");
  EXPECT_GT(std::filesystem::file_size(png), 10000u) << "a blank page compresses to almost nothing";
}

}  // namespace
}  // namespace m2stage::test
