#include "cmd/Cli.hpp"

#include <unistd.h>

#include <iostream>
#include <algorithm>
#include <map>
#include <thread>

#include <sqlite3.h>
#include <SQLiteCpp/Exception.h>
#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "Version.hpp"
#include "audit/IntegrityCheck.hpp"
#include "cmd/Commands.hpp"
#include "cmd/ExitCode.hpp"
#include "cmd/Logging.hpp"
#include "cmd/TerminalProgress.hpp"
#include "load/Loader.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Record.hpp"
#include "schema/XmlFile.hpp"
#include "stage/Interrupt.hpp"
#include "stage/StageFile.hpp"
#include "transform/Transformer.hpp"

namespace po = boost::program_options;

namespace m2stage::cmd {

namespace {

struct Command {
  const char* summary;
  int (*handler)(const Options&);
  bool takesConfig;
  const char* action = nullptr;  // "status|install|remove": the command takes an action word first
};

const std::map<std::string, Command>& commands() {
  static const std::map<std::string, Command> all = {
      {"extract", {"read Magento 1 into the staging file", extractCommand, true}},
      {"transform", {"apply the map to staged rows, after the integrity check", transformCommand, true}},
      {"load", {"write transformed rows into Magento 2 and check them", loadCommand, true}},
      {"status", {"show runs and per-document progress", statusCommand, false}},
      {"schema", {"store the Magento 2 schema in the staging file (for transform without Magento 2)", schemaCommand, true}},
      {"deltalog", {"change capture on Magento 1: status, install or remove", deltalogCommand, true, "status|install|remove"}},
      {"map", {"suggest map.xml rules for what the map leaves unmapped (reads both databases; no --stage)", mapCommand, true, "suggest"}},
      {"findings", {"list integrity and volume findings, grouped, with counts", findingsCommand, false}},
      {"audit", {"show the audit trail: who ran what, where, when, and how it ended", auditCommand, false}},
      {"report", {"write a self-contained HTML report of the migration", reportCommand, false}},
      {"prune", {"drop the staged rows of old runs, keeping their audit, findings and progress", pruneCommand, false}},
  };
  return all;
}

// -v, -vv and -vvv: every v counts.
struct Verbosity {
  int level = 0;
};
void validate(boost::any& value, const std::vector<std::string>&, Verbosity*, int) {
  if (value.empty()) {
    value = Verbosity{1};
  } else {
    ++boost::any_cast<Verbosity&>(value).level;
  }
}

void printUsage() {
  std::cout << "m2stage " << kVersion << ": move a Magento 1 database into Magento 2 through a staging file\n\n"
            << "Usage: m2stage <command> [CONFIG] --stage FILE [options]\n\nCommands:\n";
  for (const auto& [name, command] : commands()) std::cout << fmt::format("  {:<10} {}\n", name, command.summary);
  std::cout << "\n`m2stage <command> --help` lists a command's options. Exit codes: 0 ok, 1 internal error, "
               "2 usage or config error,\n3 integrity check failed, 4 database error, 5 staging file error, "
               "6 verification failed, 130 interrupted.\n";
}

po::options_description commandOptions(const std::string& name, const Command& command) {
  po::options_description description(fmt::format("m2stage {} options", name));
  description.add_options()("help,h", "show this help")("stage,s", po::value<std::string>()->value_name("FILE"),
                                                         "the staging file (required)");
  if (command.takesConfig) {
    description.add_options()("config,c", po::value<std::string>()->value_name("CONFIG"),
                              "the official config.xml (also accepted as the first argument)")(
        "reset,r", po::bool_switch(), "start from the beginning (see README)")(
        "auto,a", po::bool_switch(), "report integrity errors as warnings and go on")(
        "jobs,j", po::value<unsigned>()->default_value(std::max(1u, std::thread::hardware_concurrency())),
        "documents read or written in parallel")(
        "mode", po::value<std::string>()->default_value("data")->value_name("data|settings|delta"),
        "settings: core_config_data and the stores, first (as migrate:settings); data: the full copy; delta: the "
        "changes captured since (as migrate:delta)")(
        "delta", po::bool_switch(), "the same as --mode delta")(
        "follow", po::bool_switch(), "delta: repeat passes until Ctrl-C; load: wait for runs still being written")(
        "interval", po::value<double>()->default_value(5.0)->value_name("SECONDS"), "pause between --follow passes");
  }
  if (name == "load")
    description.add_options()("finished-only", po::bool_switch(),
                              "load the documents extracted so far of a run whose extract is not done")(
        "verify-only", po::bool_switch(), "write nothing: compare Magento 2 with the staged rows again");
  if (name == "status" || name == "findings" || name == "audit")
    description.add_options()("format", po::value<std::string>()->default_value("table")->value_name("table|json|csv"),
                              "table for people; json or csv for scripts (see README)");
  if (name == "findings")
    description.add_options()("kind", po::value<std::string>()->value_name("K"), "only findings of this kind")(
        "document", po::value<std::string>()->value_name("D"), "only findings about this document");
  if (name == "audit")
    description.add_options()("since", po::value<std::string>()->value_name("TIME"),
                              "only commands active since TIME (UTC date or time, or 30m, 12h, 7d ago)");
  if (name == "report")
    description.add_options()("html", po::value<std::string>()->value_name("FILE"), "the HTML file to write (required)");
  if (name == "prune")
    description.add_options()("before", po::value<std::int64_t>()->value_name("RUN"),
                              "drop the staged rows of runs below RUN (required)");
  description.add_options()("run", po::value<std::int64_t>()->value_name("N"), "the run to work on (default: newest)")(
      "verbose,v", po::value<Verbosity>()->zero_tokens()->composing(), "more output (-vv: debug)")(
      "quiet,q", po::bool_switch(), "errors only")("log-file", po::value<std::string>()->value_name("FILE"),
                                                   "also append log lines to FILE");
  return description;
}

std::string joinCommandLine(int argc, char** argv) {
  std::string line = "m2stage";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    line += arg.find_first_of(" \t'\"") == std::string::npos ? " " + arg : " '" + arg + "'";
  }
  return line;
}

int fail(int code, const std::string& message) {
  if (spdlog::default_logger()) spdlog::error("{}", message);
  return code;
}

}  // namespace

int run(int argc, char** argv) {
  if (argc < 2) {
    printUsage();
    return kUsageError;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    printUsage();
    return kSuccess;
  }
  if (name == "--version" || name == "-V") {
    std::cout << "m2stage " << kVersion << "\n";
    return kSuccess;
  }
  auto found = commands().find(name);
  if (found == commands().end()) {
    std::cerr << fmt::format("m2stage: unknown command \"{}\" (try m2stage --help)\n", name);
    return kUsageError;
  }
  const Command& command = found->second;

  Options options;
  options.command = name;
  options.commandLine = joinCommandLine(argc, argv);
  try {
    auto description = commandOptions(name, command);
    po::options_description hidden;
    hidden.add_options()("positional", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(description).add(hidden);
    po::positional_options_description positional;
    positional.add("positional", -1);
    po::variables_map values;
    po::store(po::command_line_parser(argc - 1, argv + 1).options(all).positional(positional).run(), values);
    po::notify(values);
    if (values.count("help")) {
      std::cout << "Usage: m2stage " << name << (command.action ? std::string(" ") + command.action : "")
                << (command.takesConfig ? " CONFIG" : "") << " --stage FILE [options]\n"
                << description << "\n";
      return kSuccess;
    }
    std::vector<std::string> extra = values.count("positional") ? values["positional"].as<std::vector<std::string>>()
                                                                 : std::vector<std::string>{};
    if (command.action) {
      if (extra.empty()) throw po::error(fmt::format("an action is required: m2stage {} {} CONFIG", name, command.action));
      options.action = extra.front();
      extra.erase(extra.begin());
      if (("|" + std::string(command.action) + "|").find("|" + options.action + "|") == std::string::npos)
        throw po::error(fmt::format("unknown action \"{}\" (one of {})", options.action, command.action));
    }
    if (command.takesConfig) {
      if (values.count("config")) options.config = values["config"].as<std::string>();
      if (options.config.empty() && !extra.empty()) {
        options.config = extra.front();
        extra.erase(extra.begin());
      }
      if (options.config.empty()) throw po::error("a config.xml is required (m2stage " + name + " CONFIG --stage FILE)");
      options.reset = values["reset"].as<bool>();
      options.autoResolve = values["auto"].as<bool>();
      options.jobs = std::max(1u, values["jobs"].as<unsigned>());
      options.mode = values["delta"].as<bool>() ? "delta" : values["mode"].as<std::string>();
      if (options.mode != "data" && options.mode != "delta" && options.mode != "settings")
        throw po::error("--mode must be data, settings or delta");
      if (values["delta"].as<bool>() && values["mode"].as<std::string>() != "data" &&
          values["mode"].as<std::string>() != "delta")
        throw po::error("--delta is --mode delta; give one or the other");
      options.follow = values["follow"].as<bool>();
      options.interval = values["interval"].as<double>();
    }
    if (!extra.empty()) throw po::error("unexpected argument \"" + extra.front() + "\"");
    if (values.count("stage")) {
      options.stage = values["stage"].as<std::string>();
    } else if (name != "map") {  // map suggest reads the two databases only
      throw po::error("--stage FILE is required");
    }
    if (values.count("run")) options.run = values["run"].as<std::int64_t>();
    if (values.count("finished-only")) options.finishedOnly = values["finished-only"].as<bool>();
    if (values.count("verify-only")) options.verifyOnly = values["verify-only"].as<bool>();
    if (values.count("verbose")) options.verbosity = values["verbose"].as<Verbosity>().level;
    if (values["quiet"].as<bool>()) options.verbosity = -1;
    if (values.count("log-file")) options.logFile = values["log-file"].as<std::string>();
    if (values.count("format")) {
      options.format = values["format"].as<std::string>();
      if (options.format != "table" && options.format != "json" && options.format != "csv")
        throw po::error("--format must be table, json or csv");
    }
    if (values.count("kind")) options.kind = values["kind"].as<std::string>();
    if (values.count("document")) options.document = values["document"].as<std::string>();
    if (values.count("since")) options.since = values["since"].as<std::string>();
    if (values.count("html")) options.html = values["html"].as<std::string>();
    if (name == "report" && options.html.empty()) throw po::error("--html FILE is required");
    if (values.count("before")) options.before = values["before"].as<std::int64_t>();
    if (name == "prune" && !options.before) throw po::error("--before RUN is required");
  } catch (const po::error& error) {
    std::cerr << fmt::format("m2stage {}: {}\n", name, error.what());
    return kUsageError;
  }

  std::shared_ptr<TerminalProgress> progress;
  if (isatty(STDERR_FILENO) && options.verbosity >= 0 && (name == "extract" || name == "load")) {
    progress = std::make_shared<TerminalProgress>();
    options.progress = progress.get();
  }
  try {
    setupLogging(options.verbosity, options.logFile, progress);
  } catch (const std::exception& error) {
    std::cerr << fmt::format("m2stage {}: cannot open log file {}: {}\n", name, options.logFile, error.what());
    return kUsageError;
  }
  stage::installInterruptHandlers();
  try {
    return command.handler(options);
  } catch (const stage::Interrupted&) {
    return fail(kInterrupted, "interrupted; the work committed so far is kept, run the same command to continue");
  } catch (const schema::InputError& error) {
    return fail(kUsageError, error.what());
  } catch (const audit::IntegrityFailed& error) {
    return fail(kIntegrityFailed, error.what());
  } catch (const load::VerificationFailed& error) {
    return fail(kVerificationFailed, error.what());
  } catch (const mariadb::DatabaseError& error) {
    return fail(kDatabaseError, error.what());
  } catch (const stage::StageError& error) {
    return fail(kStageError, error.what());
  } catch (const SQLite::Exception& error) {
    // Every chunk commits with its progress, so after a full disk the same command continues.
    bool full = error.getErrorCode() == SQLITE_FULL;
    return fail(kStageError, fmt::format("{}: {} (SQLite error {}){}", options.stage, error.what(), error.getExtendedErrorCode(),
                                         full ? "; free space there and run the same command again" : ""));
  } catch (const schema::TransformError& error) {
    return fail(kUsageError, error.what());
  } catch (const std::exception& error) {
    return fail(kInternalError, fmt::format("internal error: {}", error.what()));
  }
}

}  // namespace m2stage::cmd
