// Reads the static attributes' values of a chunk of customer (or address) entities from the
// staged Magento 1 value tables ("m1.<entity table>_<backend type>"). Each value table gets an
// index on (_run, entity_id) while the step runs, so a chunk costs one range query per table,
// and only the chunk's values are held in memory. dropIndexes() removes the indexes again (the
// staging file's row tables carry none otherwise; extract and delta passes write them).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "schema/CustomerStaticAttributes.hpp"
#include "schema/Table.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::transform {

class CustomerValueReader {
 public:
  // `entityDocument`: customer_entity or customer_address_entity.
  CustomerValueReader(stage::StageFile& stage, std::int64_t run, std::string entityDocument,
                      const schema::CustomerStaticAttributes& attributes);

  // Creates the indexes (IF NOT EXISTS) on the value tables that are staged.
  void createIndexes();
  void dropIndexes();

  // entity_id -> (attribute code -> value) for the given entities.
  using Values = std::map<std::int64_t, std::map<std::string, schema::Value>>;
  Values read(const std::set<std::int64_t>& entities);

 private:
  std::vector<std::string> stagedTables();  // "m1.<entity table>_<type>" that exist
  std::string indexName(const std::string& table) const { return table + "#customer_step"; }

  stage::StageFile& stage_;
  std::int64_t run_;
  std::string entityDocument_;
  const schema::CustomerStaticAttributes& attributes_;
};

}  // namespace m2stage::transform
