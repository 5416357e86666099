#include "transform/DestinationSchema.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "mariadb/Catalog.hpp"
#include "mariadb/Connection.hpp"
#include "stage/Runs.hpp"

namespace m2stage::transform {

std::map<std::string, schema::Table> destinationSchema(const schema::Config& config, stage::StageFile& stage,
                                                       std::int64_t run) {
  using schema::Side;
  stage::Runs runs(stage);
  try {
    mariadb::Connection destination(config.database(Side::Destination), config.initStatements(Side::Destination));
    auto catalog = mariadb::readCatalog(destination, config.prefix(Side::Destination));
    SQLite::Transaction transaction(stage.db(), SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement remove(stage.db(), "DELETE FROM schema_column WHERE run_id = ? AND side = 'm2'");
    remove.bind(1, run);
    remove.exec();
    for (const auto& [name, table] : catalog) runs.saveSchema(run, "m2", table);
    transaction.commit();
    return catalog;
  } catch (const mariadb::DatabaseError& error) {
    // The run's own copy, or the newest one captured before it (`m2stage schema` stores run 0
    // when no run exists yet).
    SQLite::Statement newest(stage.db(), "SELECT MAX(run_id) FROM schema_column WHERE side = 'm2' AND run_id <= ?");
    newest.bind(1, run);
    newest.executeStep();
    std::int64_t storedRun = newest.getColumn(0).isNull() ? -1 : newest.getColumn(0).getInt64();
    auto stored = storedRun < 0 ? std::map<std::string, schema::Table>{} : runs.loadSchema(storedRun, "m2");
    if (stored.empty())
      throw stage::StageError(fmt::format("no Magento 2 schema for run {}: the destination is not reachable ({}) "
                                          "and none is stored; run `m2stage schema` next to Magento 2 first",
                                          run, error.what()));
    spdlog::info("destination not reachable ({}); using the Magento 2 schema stored with run {}{}", error.what(), storedRun,
                 storedRun == 0 ? " (by `m2stage schema`)" : "");
    return stored;
  }
}

}  // namespace m2stage::transform
