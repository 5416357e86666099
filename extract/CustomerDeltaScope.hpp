// Customer\Delta needs whole customers in a delta run. Magento 2 keeps some customer and address
// attributes as columns of the entity rows (firstname, password_hash, city, ...), so an entity
// row can only be written from all of its entity's value rows, and a changed value row of such an
// attribute changes the entity row. After a pass has read the change logs, this completes the run:
// for every customer or address the run touched (its entity row changed, or one of its value rows
// was written), the run also holds the entity's current row and all its current value rows, read
// from Magento 1. Completing is idempotent (rows the run already holds are not staged again), so a
// pass that completes an unfinished run completes it whole. It reads only the rowid range of the
// run's staged rows, and holds the ids of the entities and value rows the run touched (not a table).
//
// A value row deleted in Magento 1 without any other change to its entity is not seen here: its
// change log holds only value_id. Magento 1 writes the entity row (updated_at) when it saves a
// customer, so this happens only with direct SQL; upstream's Customer\Delta has the same gap.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/DeltaChange.hpp"
#include "mariadb/Connection.hpp"
#include "schema/CustomerAttributes.hpp"
#include "schema/Table.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::extract {

class CustomerDeltaScope {
 public:
  // Stages changes of one document (its table as staged, unprefixed) as the run's next chunk.
  using StageChunk = std::function<void(const schema::Table&, const std::vector<DeltaChange>&)>;

  CustomerDeltaScope(const schema::CustomerAttributes& attributes, stage::StageFile& stage, std::int64_t run)
      : attributes_(attributes), stage_(stage), run_(run) {}

  // `catalog`: Magento 1's tables by server name; `prefix`: Magento 1's table prefix.
  // Returns the rows it staged.
  std::int64_t complete(mariadb::Connection& source, const std::map<std::string, schema::Table>& catalog,
                        const std::string& prefix, const StageChunk& stageChunk);

 private:
  // Integer values of `column` among the run's staged rows of `document` (only `op` rows when set).
  std::set<std::int64_t> stagedIds(const std::string& document, const std::string& column, const std::string& op = "");

  const schema::CustomerAttributes& attributes_;
  stage::StageFile& stage_;
  std::int64_t run_;
};

}  // namespace m2stage::extract
