// Table definitions taken from a schema dump (the Magento 1 and 2 dumps in ../shared/fixtures),
// for tests that build a small database with the real DDL of a few tables.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace m2stage::test {

// The CREATE TABLE statements of `tables` in `dump`, without their foreign keys (the tables they
// point at are usually not created). Throws std::runtime_error naming a table the dump lacks.
std::string tablesFromDump(const std::filesystem::path& dump, const std::vector<std::string>& tables);

}  // namespace m2stage::test
