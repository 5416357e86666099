#include "transform/CustomerStep.hpp"

#include <algorithm>
#include <chrono>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "schema/ColumnDefault.hpp"
#include "schema/CustomerStaticAttributes.hpp"
#include "schema/DocumentTransformer.hpp"
#include "schema/PasswordHash.hpp"
#include "schema/TablePrefix.hpp"
#include "schema/XmlFile.hpp"
#include "stage/ChunkWriter.hpp"
#include "stage/Interrupt.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"
#include "transform/ChunkTransform.hpp"
#include "transform/CustomerValueReader.hpp"

namespace m2stage::transform {

namespace {

constexpr const char* kStep = "transform";
using schema::Side;

// The Magento 1 attributes of an entity type, from the staged eav_attribute and eav_entity_type.
std::vector<schema::CustomerStaticAttributes::Attribute> stagedAttributes(stage::StageFile& stage, std::int64_t run,
                                                                          const std::string& entityType) {
  for (const char* document : {"eav_attribute", "eav_entity_type"}) {
    if (!stage::RowTable(stage, "m1", document).exists())
      throw stage::StageError(fmt::format("{}: the Customer step needs {} staged; run `m2stage extract --reset` with "
                                          "the customer options in config.xml",
                                          stage.path().string(), document));
  }
  std::int64_t lookupRun = stage::Runs(stage).lookupRun(run);  // a delta run: its full run's attributes
  SQLite::Statement query(stage.db(),
                          "SELECT a.\"attribute_id\", a.\"attribute_code\", a.\"backend_type\" "
                          "FROM \"m1.eav_attribute\" a JOIN \"m1.eav_entity_type\" t "
                          "ON t.\"entity_type_id\" = a.\"entity_type_id\" AND t.\"_run\" = a.\"_run\" "
                          "WHERE a.\"_run\" = ? AND t.\"entity_type_code\" = ? ORDER BY a.\"attribute_id\"");
  query.bind(1, lookupRun);
  query.bind(2, entityType);
  std::vector<schema::CustomerStaticAttributes::Attribute> attributes;
  while (query.executeStep())
    attributes.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getString()});
  if (attributes.empty() && lookupRun != run)
    throw stage::StageError(fmt::format("{}: delta run {} needs the Magento 1 attributes staged by full run {}, which "
                                        "has none (pruned?); run a new full extract",
                                        stage.path().string(), run, lookupRun));
  return attributes;
}

// A value for a DATE column from a Magento 1 datetime value ("1980-05-01 00:00:00"): the date,
// as the server would keep it (without its truncation note).
schema::Value forColumn(const schema::Column& column, schema::Value value) {
  if (value && column.dataType == "date" && value->size() > 10 && (*value)[10] == ' ') value->resize(10);
  return value;
}

// Whether a value fits a (var)char column: a password hash longer than customer_entity.password_hash
// (varchar(128) in 2.4; sha512:salt has 161 characters) stays a value row, as upstream leaves sha512 hashes.
bool fits(const schema::Column& column, const std::string& value) {
  if (column.dataType != "varchar" && column.dataType != "char") return true;
  auto open = column.columnType.find('(');
  if (open == std::string::npos) return true;
  try {
    return value.size() <= std::stoull(column.columnType.substr(open + 1));
  } catch (const std::exception&) {
    return true;
  }
}

// Transforms one row under the customer map; collects its bad values; a fatal one stops.
std::vector<schema::Value> transformRow(schema::DocumentTransformer& transformer, const std::vector<schema::Value>& row,
                                        const std::string& document, std::int64_t chunk,
                                        std::vector<audit::Finding>& findings) {
  std::vector<schema::Value> out;
  try {
    out = transformer.transform(row);
  } catch (const schema::TransformError& error) {
    throw schema::TransformError(fmt::format("{} (document {}, row {}, chunk {})", error.what(), document,
                                             transformer.rowKey(), chunk));
  }
  for (const auto& warning : transformer.warnings()) spdlog::warn("{}", warning);
  for (const auto& bad : transformer.badValues()) findings.push_back(audit::dataIncompatibility(bad, transformer.rowKey()));
  return out;
}

std::size_t columnIndex(const schema::Table& table, const std::string& column) {
  auto names = table.columnNames();
  auto found = std::find(names.begin(), names.end(), column);
  if (found == names.end())
    throw schema::InputError(fmt::format("Customer step: source document {} has no column {}", table.name, column));
  return static_cast<std::size_t>(found - names.begin());
}

std::int64_t toInteger(const schema::Value& value) {
  if (!value) return 0;
  try {
    return std::stoll(*value);
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace

const std::vector<std::string>& CustomerStep::optionNames() {
  static const std::vector<std::string> names = {"customer_map_file", "customer_document_groups_file",
                                                 "customer_attribute_groups_file"};
  return names;
}

std::vector<std::string> CustomerStep::missingOptions(const schema::Config& config) {
  std::vector<std::string> missing;
  for (const auto& name : optionNames()) {
    if (config.option(name).empty()) missing.push_back(name);
  }
  return missing;
}

std::optional<CustomerStep> CustomerStep::forConfig(const schema::Config& config) {
  if (!missingOptions(config).empty()) return std::nullopt;
  auto mapFile = config.fileOption("customer_map_file");
  auto documentsFile = config.fileOption("customer_document_groups_file");
  auto attributesFile = config.fileOption("customer_attribute_groups_file");
  auto attributes = schema::CustomerAttributes::load(documentsFile, attributesFile);
  auto map = schema::MapRules::load(mapFile);
  // upgrade_customer_password_hash: absent means 1 (the 1.9.4.5 dist default).
  std::string upgrade = config.option("upgrade_customer_password_hash", "1");
  bool upgradePasswords = !(upgrade.empty() || upgrade == "0" || upgrade == "false");
  return CustomerStep(std::move(attributes), std::move(map), upgradePasswords,
                      {{"map-customer.xml", mapFile},
                       {"customer-document-groups.xml", documentsFile},
                       {"customer-attribute-groups.xml", attributesFile}});
}

std::set<std::string> CustomerStep::stagedDocuments() const {
  std::set<std::string> documents = {"eav_attribute", "eav_entity_type"};
  for (const auto& document : attributes_.sourceDocuments()) documents.insert(document.name);
  return documents;
}

std::vector<std::pair<std::string, std::filesystem::path>> CustomerStep::files() const { return files_; }

std::vector<audit::Finding> CustomerStep::checkIntegrity(const audit::Catalog& source, const audit::Catalog& destination,
                                                         bool autoResolve) const {
  audit::Catalog stepSource, stepDestination;
  std::vector<std::string> missingSource, missingDestination;
  for (const auto& document : attributes_.sourceDocuments()) {
    auto found = source.find(document.name);
    if (found == source.end()) {
      missingSource.push_back(document.name);
      continue;
    }
    stepSource.emplace(document.name, found->second);
    auto target = map_.documentMap(document.name, Side::Source);
    if (!target) continue;
    auto table = destination.find(*target);
    if (table == destination.end()) missingDestination.push_back(*target);
    else stepDestination.emplace(*target, table->second);
  }
  return audit::checkIntegrity({map_, stepSource, stepDestination, missingSource, missingDestination}, autoResolve);
}

CustomerStep::DocumentResult CustomerStep::transform(stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                                                     const schema::Table& source,
                                                     const std::map<std::string, schema::Table>& destinationTables,
                                                     schema::HandlerEnvironment* environment) const {
  stage::Runs runs(stage);
  DocumentResult result;
  auto target = map_.documentMap(source.name, Side::Source);
  auto destination = target ? destinationTables.find(*target) : destinationTables.end();
  if (destination == destinationTables.end()) {
    std::string why = target ? fmt::format("Magento 2 has no document {}", *target)
                             : std::string("the customer map ignores the document");
    runs.setDocument(run, kStep, {source.name, "", "skipped",
                                  fmt::format("{} rows left out: {}", extractedRows(stage, run, source.name), why), 0});
    return result;
  }
  auto progress = runs.document(run, kStep, source.name);
  if (progress && progress->state == "done") {
    result.rowsOut = progress->rows;
    return result;
  }
  auto entityType = attributes_.entityTypeOf(source.name).value_or("");
  auto entityDocument = attributes_.entityDocumentOf(entityType).value_or("");
  schema::CustomerStaticAttributes statics(stagedAttributes(stage, run, entityType), attributes_.staticAttributes(entityDocument));
  schema::DocumentTransformer transformer(map_, source, destination->second, environment);
  const schema::Table& table = destination->second;
  std::int64_t rowsOut = 0;
  std::string detail;

  if (attributes_.isEntityDocument(source.name)) {
    // The entity rows read the value tables: those must be fully extracted. A value table the
    // run has but extract has not started yet has no progress row: not ready either.
    auto staged = runs.loadSchema(run, "m1");
    for (const auto& document : attributes_.sourceDocuments()) {
      if (attributes_.entityTypeOf(document.name) != entityType || document.name == source.name) continue;
      auto extracted = runs.document(run, "extract", document.name);
      if (staged.contains(document.name) && (!extracted || extracted->state != "done")) {
        result.ready = false;
        return result;
      }
    }
    for (const auto& code : statics.missing())
      spdlog::warn("Customer step: attribute {} does not exist in the type {} of Magento 1; {}.{} gets its default", code,
                   entityType, table.name, code);
    // Output: the map's columns, then each static attribute that is a Magento 2 column of the table.
    std::vector<std::string> columns = transformer.outputColumns();
    std::vector<std::string> staticColumns;
    std::vector<schema::Value> unset;
    auto now = std::chrono::system_clock::now();
    for (const auto& code : attributes_.staticAttributes(entityDocument)) {
      const schema::Column* column = table.find(code);
      if (!column || std::find(columns.begin(), columns.end(), code) != columns.end()) continue;
      staticColumns.push_back(code);
      columns.push_back(code);
      // Upstream sets '' for NOT NULL columns without DEFAULT and NULL otherwise; the server
      // stores the column's implicit value for ''. m2stage writes what the server stores.
      unset.push_back(column->nullable ? schema::Value{} : schema::ColumnDefault::unsetValue(*column, now));
    }
    std::size_t entityIndex = columnIndex(source, "entity_id");
    CustomerValueReader values(stage, run, source.name, statics);
    values.createIndexes();
    ChunkSteps entitySteps;
    entitySteps.perChunk = [&](stage::RowTable::Reader& reader, const ChunkSteps::Emit& emit, std::int64_t chunk) {
      ChunkOutput out;
      // The chunk's entity ids first: their static values are read in one query per value table.
      std::vector<StagedRow> rows;
      while (reader.next()) rows.push_back({reader.op(), reader.values()});
      std::set<std::int64_t> entities;
      for (const auto& row : rows) entities.insert(toInteger(row.values[entityIndex]));
      auto chunkValues = values.read(entities);
      for (const auto& [op, row] : rows) {
        if (op == "delete") {  // a delta delete: only the key counts
          auto key = transformer.transformKey(row);
          key.resize(columns.size());
          emit(op, key);
          continue;
        }
        auto converted = transformRow(transformer, row, source.name, chunk, out.findings);
        std::int64_t entity = toInteger(row[entityIndex]);
        auto found = chunkValues.find(entity);
        for (std::size_t i = 0; i < staticColumns.size(); ++i) {
          const std::string& code = staticColumns[i];
          schema::Value value = unset[i];
          if (found != chunkValues.end()) {
            if (auto pulled = found->second.find(code); pulled != found->second.end())
              value = forColumn(*table.find(code), pulled->second);
          }
          if (code == "password_hash" && value) {
            auto hash = schema::convertPasswordHash(*value, upgradePasswords_);
            bool fitting = fits(*table.find(code), hash.value);
            value = fitting ? schema::Value(hash.value) : unset[i];
            if (!hash.verifiable)
              out.findings.push_back(
                  {kPasswordReset, "source", source.name, "password_hash",
                   fmt::format("Customer password cannot be kept: {} entity_id={}: {} hash, which Magento 2 cannot "
                               "verify{}; the customer needs a password reset",
                               source.name, entity, schema::passwordHashFormatName(hash.format),
                               fitting ? "" : " (too long for the column: kept as a value row, as upstream)"),
                   audit::Severity::Warning});
          }
          converted.push_back(std::move(value));
        }
        emit(op, converted);
      }
      return out;
    };
    rowsOut = transformChunks(stage, audit, run, source, table, columns, entitySteps);
    values.dropIndexes();
    detail = fmt::format("static attributes filled from the value tables: {}", fmt::join(staticColumns, ", "));
    if (table.name == "customer_entity") {
      if (auto resets = passwordResets(stage, run); resets > 0)
        detail += fmt::format("; {} password hashes Magento 2 cannot verify ({} findings)", resets, kPasswordReset);
    }
  } else {
    // A value table: rows of static attributes went into the entity rows; the others are copied.
    std::size_t attributeIndex = columnIndex(source, "attribute_id");
    std::size_t valueIndex = columnIndex(source, "value");
    // A password hash too long for the entity column stays a value row (see fits()).
    const schema::Column* hashColumn = nullptr;
    if (auto entityTable = destinationTables.find(entityDocument); entityTable != destinationTables.end())
      hashColumn = entityTable->second.find("password_hash");
    auto keptAsValue = [&](const std::vector<schema::Value>& row, std::int64_t attribute) {
      // Only values the entity rows take leave the value table: a static code that is no column
      // of this Magento 2 table stays a value row rather than vanish.
      const auto& code = statics.codeOf(attribute);
      auto entityTable = destinationTables.find(entityDocument);
      if (entityTable == destinationTables.end() || !entityTable->second.find(code)) return true;
      if (code != "password_hash" || !hashColumn || !row[valueIndex]) return false;
      return !fits(*hashColumn, schema::convertPasswordHash(*row[valueIndex], upgradePasswords_).value);
    };
    ChunkSteps valueSteps;
    valueSteps.perChunk = [&](stage::RowTable::Reader& rows, const ChunkSteps::Emit& emit, std::int64_t chunk) {
      ChunkOutput out;
      while (rows.next()) {
        const auto& row = rows.values();
        if (rows.op() == "delete") {  // a delta delete: only value_id is known
          emit(rows.op(), transformer.transformKey(row));
          continue;
        }
        std::int64_t attribute = toInteger(row[attributeIndex]);
        if (statics.isStatic(attribute) && !keptAsValue(row, attribute)) continue;
        emit(rows.op(), transformRow(transformer, row, source.name, chunk, out.findings));
      }
      return out;
    };
    rowsOut = transformChunks(stage, audit, run, source, table, transformer.outputColumns(), valueSteps);
    std::int64_t rowsIn = extractedRows(stage, run, source.name);
    if (rowsIn > rowsOut)
      detail = fmt::format("read {}, wrote {}: {} values of static attributes moved into {} columns", rowsIn, rowsOut,
                           rowsIn - rowsOut, entityDocument);
  }
  result.rowsIn = extractedRows(stage, run, source.name);
  result.rowsOut = rowsOut;
  runs.setDocument(run, kStep, {source.name, table.name, "done", detail, rowsOut});
  audit.record(run, "transform.document.end", source.name, rowsOut, "into " + table.name + " (Customer step)");
  return result;
}

std::int64_t CustomerStep::passwordResets(stage::StageFile& stage, std::int64_t run) {
  SQLite::Statement count(stage.db(), "SELECT COUNT(*) FROM finding WHERE run_id = ? AND step = ? AND kind = ?");
  count.bind(1, run);
  count.bind(2, kStep);
  count.bind(3, kPasswordReset);
  count.executeStep();
  return count.getColumn(0).getInt64();
}

std::uint64_t CustomerStep::markStaticAttributes(mariadb::Connection& destination, const std::string& prefix) const {
  std::uint64_t changed = 0;
  std::string attributeTable = mariadb::quoteIdentifier(schema::withPrefix("eav_attribute", prefix));
  std::string typeTable = mariadb::quoteIdentifier(schema::withPrefix("eav_entity_type", prefix));
  for (const auto& entityType : attributes_.entityTypes()) {
    auto entityDocument = attributes_.entityDocumentOf(entityType);
    if (!entityDocument) continue;
    auto codes = attributes_.staticAttributes(*entityDocument);
    if (codes.empty()) continue;
    std::string list;
    for (const auto& code : codes) list += (list.empty() ? "" : ",") + destination.literal(code, false);
    changed += destination.execute(fmt::format(
        "UPDATE {} SET `backend_type` = 'static' WHERE `attribute_code` IN ({}) AND `entity_type_id` = "
        "(SELECT `entity_type_id` FROM {} WHERE `entity_type_code` = {})",
        attributeTable, list, typeTable, destination.literal(entityType, false)));
  }
  return changed;
}

}  // namespace m2stage::transform
