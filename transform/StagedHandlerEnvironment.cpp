#include "transform/StagedHandlerEnvironment.hpp"

#include <charconv>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "schema/XmlFile.hpp"
#include "stage/RowTable.hpp"

namespace m2stage::transform {

namespace {

schema::Value cellValue(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return std::string(static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes()));
}

}  // namespace

StagedHandlerEnvironment::StagedHandlerEnvironment(stage::StageFile& stage, std::int64_t run, const schema::Config& config)
    : stage_(stage), run_(run), config_(config) {}

std::string StagedHandlerEnvironment::stagedTable(const std::string& document) {
  std::string table = stage::RowTable::tableName("m1", document);
  if (!stage_.db().tableExists(table))
    throw schema::InputError(fmt::format("a handler needs the Magento 1 document {}, which is not staged in {}; "
                                         "extract it again with a map that does not ignore it",
                                         document, stage_.path().string()));
  return table;
}

std::vector<schema::Row> StagedHandlerEnvironment::sourceRows(const std::string& document) {
  SQLite::Statement query(stage_.db(), fmt::format("SELECT * FROM {} WHERE _run = ? ORDER BY rowid",
                                                   stage::StageFile::quote(stagedTable(document))));
  query.bind(1, run_);
  std::vector<schema::Row> rows;
  while (query.executeStep()) {
    schema::Row row;
    for (int i = 3; i < query.getColumnCount(); ++i) row[query.getColumnName(i)] = cellValue(query.getColumn(i));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<schema::Value> StagedHandlerEnvironment::sourceLookup(const std::string& document,
                                                                   const std::string& keyColumn, const std::string& key,
                                                                   const std::string& column) {
  std::string table = stagedTable(document);
  // Lookups by key run once per transformed row: index the staged column the first time.
  if (indexed_.insert(table + "\n" + keyColumn).second) {
    stage_.db().exec(fmt::format("CREATE INDEX IF NOT EXISTS {} ON {} (_run, {})",
                                 stage::StageFile::quote(table + "." + keyColumn), stage::StageFile::quote(table),
                                 stage::StageFile::quote(keyColumn)));
  }
  // Integer columns are staged as INTEGER when canonical, other text as TEXT: match either form.
  SQLite::Statement query(stage_.db(), fmt::format("SELECT {} FROM {} WHERE _run = ?1 AND ({} = ?2 OR {} = ?3) LIMIT 1",
                                                   stage::StageFile::quote(column), stage::StageFile::quote(table),
                                                   stage::StageFile::quote(keyColumn), stage::StageFile::quote(keyColumn)));
  query.bind(1, run_);
  query.bind(2, key);
  std::int64_t number = 0;
  auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), number);
  if (error == std::errc() && end == key.data() + key.size() && std::to_string(number) == key) {
    query.bind(3, number);
  } else {
    query.bind(3, key);
  }
  if (!query.executeStep()) return std::nullopt;
  return cellValue(query.getColumn(0));
}

void StagedHandlerEnvironment::addDestinationRow(const std::string& document, const std::vector<std::string>& columns,
                                                 std::vector<schema::Value> values) {
  auto& extra = extra_[document];
  if (extra.columns.empty()) extra.columns = columns;
  if (extra.columns != columns)
    throw schema::TransformError(fmt::format("rows for {} come with different columns", document));
  extra.rows.push_back(std::move(values));
}

std::map<std::string, StagedHandlerEnvironment::ExtraRows> StagedHandlerEnvironment::takeExtraRows() {
  return std::exchange(extra_, {});
}

const schema::ClassMap& StagedHandlerEnvironment::classMap() {
  if (!classMap_) {
    auto file = config_.fileOption("class_map");
    if (file.empty())
      throw schema::InputError(fmt::format("{}: a handler needs the class map, but <class_map> is not set",
                                           config_.file().string()));
    classMap_ = schema::ClassMap::load(file);
  }
  return *classMap_;
}

std::string StagedHandlerEnvironment::option(const std::string& name) { return config_.option(name); }

}  // namespace m2stage::transform
