// `m2stage map suggest CONFIG`: reads both databases of the config, checks them against the
// config's map, and prints map.xml rules for what the map leaves unmapped (schema::MapSuggestion).
#include <fmt/format.h>

#include "cmd/Commands.hpp"
#include "cmd/ExitCode.hpp"
#include "mariadb/Catalog.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Config.hpp"
#include "schema/MapRules.hpp"
#include "schema/MapSuggestion.hpp"

namespace m2stage::cmd {

int mapCommand(const Options& options) {
  using schema::Side;
  auto config = schema::Config::load(options.config);
  auto map = schema::MapRules::forConfig(config);
  mariadb::Connection source(config.database(Side::Source), config.initStatements(Side::Source));
  mariadb::Connection destination(config.database(Side::Destination), config.initStatements(Side::Destination));
  auto m1 = mariadb::readCatalog(source, config.prefix(Side::Source));
  auto m2 = mariadb::readCatalog(destination, config.prefix(Side::Destination));
  auto suggestion = schema::MapSuggestion::compute(map, m1, m2);
  std::string mapName = map.file().empty() ? std::string("no map (every document maps to itself)") : map.file().string();
  if (suggestion.empty()) {
    fmt::print("<!-- {} maps every table and column of {} and {}: nothing to suggest -->\n", mapName,
               config.database(Side::Source).describe(), config.database(Side::Destination).describe());
    return kSuccess;
  }
  fmt::print("<!-- m2stage map suggest: {} rules for {} -> {} under {}.\n"
             "     Paste each block into the same block of map.xml, and check every <ignore>: it drops data. -->\n",
             suggestion.rules().size(), config.database(Side::Source).describe(),
             config.database(Side::Destination).describe(), mapName);
  fmt::print("{}", suggestion.toXml());
  return kSuccess;
}

}  // namespace m2stage::cmd
