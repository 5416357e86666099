// Which Magento 1 documents a handler reads while transforming, so extract stages them even
// when the map ignores them (handlers read staged rows, never a live connection).
#pragma once

#include <string>
#include <vector>

#include "schema/MapRules.hpp"

namespace m2stage::schema {

std::vector<std::string> lookupDocuments(const HandlerSpec& spec);

}  // namespace m2stage::schema
