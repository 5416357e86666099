// Registers the private MariaDB server for every test of the db_tests program.
#include "support/MariaDbServer.hpp"

namespace {
[[maybe_unused]] auto* const environment =
    ::testing::AddGlobalTestEnvironment(new m2stage::test::MariaDbEnvironment);
}
