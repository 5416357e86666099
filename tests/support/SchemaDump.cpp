#include "support/SchemaDump.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace m2stage::test {

std::string tablesFromDump(const std::filesystem::path& dump, const std::vector<std::string>& tables) {
  std::ifstream in(dump);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  std::string sql;
  for (const auto& table : tables) {
    std::size_t start = text.find("CREATE TABLE IF NOT EXISTS `" + table + "` (");
    if (start == std::string::npos) start = text.find("CREATE TABLE `" + table + "` (");
    if (start == std::string::npos) throw std::runtime_error(table + " is not in " + dump.string());
    std::size_t end = text.find(";\n", start);
    std::istringstream lines(text.substr(start, end - start));
    std::vector<std::string> kept;
    for (std::string line; std::getline(lines, line);) {
      if (line.find("CONSTRAINT") != std::string::npos) continue;
      if (line.starts_with(")") && !kept.empty() && kept.back().ends_with(",")) kept.back().pop_back();
      kept.push_back(line);
    }
    for (const auto& line : kept) sql += line + "\n";
    sql += ";\n";
  }
  return sql;
}

}  // namespace m2stage::test
