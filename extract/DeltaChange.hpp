// One change a delta pass stages: the current Magento 1 row of a changed key, or, for a key whose
// row is gone, a delete of which only the key columns are set.
#pragma once

#include <vector>

#include "schema/Table.hpp"

namespace m2stage::extract {

struct DeltaChange {
  bool deleted = false;
  std::vector<schema::Value> row;  // in the staged table's column order
};

}  // namespace m2stage::extract
