// A private MariaDB server for one test program: its own data directory and unix socket,
// no TCP, started with mariadb-install-db + mariadbd --user=root and stopped by pid at the end.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "mariadb/Connection.hpp"
#include "schema/Config.hpp"

namespace m2stage::test {

class MariaDbServer {
 public:
  // The server of this test program (started by MariaDbEnvironment).
  static MariaDbServer& instance();

  void start();
  void stop();

  const std::filesystem::path& socket() const { return socket_; }
  schema::DatabaseSettings settings(const std::string& database) const;
  std::unique_ptr<mariadb::Connection> connect(const std::string& database) const;

  // Drops and creates `database`, then loads `sqlFile` into it when given.
  void createDatabase(const std::string& database, const std::filesystem::path& sqlFile = {});
  // Runs SQL text through the mariadb client (for dumps and multi-statement scripts).
  void runSql(const std::string& database, const std::string& sql);
  // The mariadb client command line for this server.
  std::string clientCommand() const;

 private:
  std::filesystem::path directory_, socket_;
  pid_t pid_ = -1;
};

class MariaDbEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    try {
      MariaDbServer::instance().start();
    } catch (const std::exception& error) {
      FAIL() << error.what();
    }
  }
  void TearDown() override { MariaDbServer::instance().stop(); }
};

// Writes a config.xml in the official format for two databases of the test server, with the
// given <options> content and, when not empty, <steps> blocks.
std::filesystem::path writeConfig(const std::filesystem::path& directory, const std::string& sourceDb,
                                  const std::string& destinationDb, const std::string& options,
                                  const std::string& steps = "");

}  // namespace m2stage::test
