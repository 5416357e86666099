#include "transform/CustomerValueReader.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "stage/RowTable.hpp"

namespace m2stage::transform {

CustomerValueReader::CustomerValueReader(stage::StageFile& stage, std::int64_t run, std::string entityDocument,
                                         const schema::CustomerStaticAttributes& attributes)
    : stage_(stage), run_(run), entityDocument_(std::move(entityDocument)), attributes_(attributes) {}

std::vector<std::string> CustomerValueReader::stagedTables() {
  std::vector<std::string> tables;
  for (const auto& [type, ids] : attributes_.idsByBackendType()) {
    stage::RowTable table(stage_, "m1", entityDocument_ + "_" + type);
    if (table.exists()) tables.push_back(table.name());
  }
  return tables;
}

void CustomerValueReader::createIndexes() {
  for (const auto& table : stagedTables())
    stage_.db().exec(fmt::format("CREATE INDEX IF NOT EXISTS {} ON {} (\"_run\", \"entity_id\")",
                                 stage::StageFile::quote(indexName(table)), stage::StageFile::quote(table)));
}

void CustomerValueReader::dropIndexes() {
  for (const auto& table : stagedTables())
    stage_.db().exec(fmt::format("DROP INDEX IF EXISTS {}", stage::StageFile::quote(indexName(table))));
}

CustomerValueReader::Values CustomerValueReader::read(const std::set<std::int64_t>& entities) {
  Values values;
  if (entities.empty()) return values;
  for (const auto& [type, ids] : attributes_.idsByBackendType()) {
    stage::RowTable table(stage_, "m1", entityDocument_ + "_" + type);
    if (!table.exists()) continue;
    std::string placeholders;
    for (std::size_t i = 0; i < ids.size(); ++i) placeholders += i ? ",?" : "?";
    // The chunk's entity range through the index; entities outside the chunk are passed over.
    SQLite::Statement query(stage_.db(),
                            fmt::format("SELECT \"entity_id\", \"attribute_id\", \"value\" FROM {} WHERE \"_run\" = ? "
                                        "AND \"entity_id\" BETWEEN ? AND ? AND \"attribute_id\" IN ({}) "
                                        "ORDER BY rowid",
                                        stage::StageFile::quote(table.name()), placeholders));
    int index = 1;
    query.bind(index++, run_);
    query.bind(index++, *entities.begin());
    query.bind(index++, *entities.rbegin());
    for (std::int64_t id : ids) query.bind(index++, id);
    schema::Value value;
    while (query.executeStep()) {
      std::int64_t entity = query.getColumn(0).getInt64();
      if (!entities.contains(entity)) continue;
      stage::RowTable::readCell(query, 2, value);
      values[entity][attributes_.codeOf(query.getColumn(1).getInt64())] = value;
    }
  }
  return values;
}

}  // namespace m2stage::transform
