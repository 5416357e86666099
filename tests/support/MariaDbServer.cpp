#include "support/MariaDbServer.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "support/TestPaths.hpp"

namespace m2stage::test {

MariaDbServer& MariaDbServer::instance() {
  static MariaDbServer server;
  return server;
}

void MariaDbServer::start() {
  directory_ = makeTempDir("m2stage-mariadb");
  socket_ = directory_ / "mariadb.sock";
  auto data = directory_ / "data";
  std::string output;
  int status = runCommand(fmt::format("mariadb-install-db --no-defaults --datadir={} --user=root "
                                      "--auth-root-authentication-method=normal --skip-test-db",
                                      data.string()),
                          &output);
  if (status != 0) throw std::runtime_error("mariadb-install-db failed:\n" + output);

  std::filesystem::create_directories(directory_ / "tmp");
  pid_ = fork();
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);  // a crashed test program takes its server down with it
    std::string datadir = "--datadir=" + data.string();
    std::string socket = "--socket=" + socket_.string();
    std::string pidFile = "--pid-file=" + (directory_ / "mariadb.pid").string();
    std::string logFile = "--log-error=" + (directory_ / "error.log").string();
    // Its own temp dir: nothing else on the machine cleaning /tmp can pull files from under it.
    std::string tmpdir = "--tmpdir=" + (directory_ / "tmp").string();
    execlp("mariadbd", "mariadbd", "--no-defaults", datadir.c_str(), socket.c_str(), pidFile.c_str(),
           logFile.c_str(), tmpdir.c_str(), "--user=root", "--skip-networking", "--innodb-buffer-pool-size=256M",
           "--innodb-flush-log-at-trx-commit=2", "--max-allowed-packet=64M",
           static_cast<char*>(nullptr));
    _exit(127);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      connect("mysql");
      return;
    } catch (const mariadb::DatabaseError&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  std::ifstream log(directory_ / "error.log");
  std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  stop();
  throw std::runtime_error("mariadbd did not answer within 60 s:\n" + text);
}

void MariaDbServer::stop() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  if (!directory_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }
}

schema::DatabaseSettings MariaDbServer::settings(const std::string& database) const {
  schema::DatabaseSettings settings;
  settings.socket = socket_.string();
  settings.name = database;
  settings.user = "root";
  return settings;
}

std::unique_ptr<mariadb::Connection> MariaDbServer::connect(const std::string& database) const {
  return std::make_unique<mariadb::Connection>(settings(database), std::vector<std::string>{});
}

std::string MariaDbServer::clientCommand() const {
  return fmt::format("mariadb --no-defaults --socket={} -uroot", socket_.string());
}

void MariaDbServer::createDatabase(const std::string& database, const std::filesystem::path& sqlFile) {
  auto connection = connect("mysql");
  connection->execute("DROP DATABASE IF EXISTS " + mariadb::quoteIdentifier(database));
  connection->execute("CREATE DATABASE " + mariadb::quoteIdentifier(database) + " DEFAULT CHARACTER SET utf8mb4");
  if (sqlFile.empty()) return;
  std::string output;
  if (runCommand(fmt::format("{} {} < {}", clientCommand(), database, sqlFile.string()), &output) != 0)
    throw std::runtime_error("loading " + sqlFile.string() + " failed:\n" + output);
}

void MariaDbServer::runSql(const std::string& database, const std::string& sql) {
  auto file = directory_ / "script.sql";
  std::ofstream(file) << sql;
  std::string output;
  if (runCommand(fmt::format("{} {} < {}", clientCommand(), database, file.string()), &output) != 0)
    throw std::runtime_error("SQL failed:\n" + output);
}

std::filesystem::path writeConfig(const std::filesystem::path& directory, const std::string& sourceDb,
                                  const std::string& destinationDb, const std::string& options,
                                  const std::string& steps) {
  auto& server = MariaDbServer::instance();
  auto path = directory / "config.xml";
  std::ofstream(path) << fmt::format(
      "<?xml version=\"1.0\"?>\n<config>\n{4}"
      "  <source><database host=\"{0}\" name=\"{1}\" user=\"root\"/></source>\n"
      "  <destination><database host=\"{0}\" name=\"{2}\" user=\"root\"/></destination>\n"
      "  <options>\n{3}\n  </options>\n</config>\n",
      server.socket().string(), sourceDb, destinationDb, options, steps);
  return path;
}

}  // namespace m2stage::test
