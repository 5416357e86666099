#include "load/ServerWarnings.hpp"

#include <cstdlib>

#include <fmt/format.h>

namespace m2stage::load {

std::uint64_t ServerWarnings::countFromInfo(const std::string& info) {
  auto position = info.find("Warnings:");
  if (position == std::string::npos) return 0;
  return std::strtoull(info.c_str() + position + 9, nullptr, 10);
}

std::vector<ServerWarning> ServerWarnings::fetch(mariadb::Connection& connection, std::size_t limit) {
  std::vector<ServerWarning> warnings;
  for (auto& row : connection.query(fmt::format("SHOW WARNINGS LIMIT {}", limit))) {
    if (row.size() < 3) continue;
    warnings.push_back({static_cast<unsigned>(std::strtoul(row[1].value_or("0").c_str(), nullptr, 10)), row[2].value_or("")});
  }
  return warnings;
}

std::uint64_t ServerWarnings::count(mariadb::Connection& connection) {
  return std::strtoull(connection.queryValue("SELECT @@warning_count").value_or("0").c_str(), nullptr, 10);
}

}  // namespace m2stage::load
