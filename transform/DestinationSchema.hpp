// The Magento 2 schema a run is transformed against: read from the destination database when
// it is reachable (and stored with the run), otherwise the one stored in the staging file.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "schema/Config.hpp"
#include "schema/Table.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::transform {

// Tables by unprefixed name. Throws StageError when neither source is available.
// `run` 0 stores a capture that later runs use when they cannot reach Magento 2.
std::map<std::string, schema::Table> destinationSchema(const schema::Config& config, stage::StageFile& stage,
                                                       std::int64_t run);

}  // namespace m2stage::transform
