#include "schema/DocumentTransformer.hpp"

#include <algorithm>
#include <set>

#include "schema/ColumnDefault.hpp"

namespace m2stage::schema {

namespace {
std::size_t indexIn(const std::vector<std::string>& columns, const std::string& name) {
  return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
}
}  // namespace

DocumentTransformer::DocumentTransformer(const MapRules& map, const Table& source, const Table& destination,
                                         HandlerEnvironment* environment, std::chrono::system_clock::time_point now)
    : sourceRecord_(source.name, source.columnNames()), destinationRecord_(destination.name, destination.columnNames()) {
  std::set<std::size_t> produced;
  for (std::size_t i = 0; i < source.columns.size(); ++i) {
    const auto& column = source.columns[i].name;
    auto mapped = map.fieldMap(source.name, column, Side::Source);
    if (!mapped || !destination.has(*mapped)) continue;
    std::size_t to = indexIn(destinationRecord_.columns(), *mapped);
    copies_.push_back({i, to});
    produced.insert(to);
  }
  // Handlers in table column order, and per column in file order (as upstream).
  for (const auto& column : source.columns) {
    for (const auto& spec : map.handlers(source.name, column.name, Side::Source))
      sourceHandlers_.push_back(makeHandler(spec, column.name, HandlerContext{&source, environment}));
  }
  for (const auto& column : destination.columns) {
    auto specs = map.handlers(destination.name, column.name, Side::Destination);
    for (const auto& spec : specs)
      destinationHandlers_.push_back(makeHandler(spec, column.name, HandlerContext{&destination, environment}));
    if (!specs.empty()) produced.insert(indexIn(destinationRecord_.columns(), column.name));
  }
  for (std::size_t index : produced) {  // std::set keeps destination table order
    outputIndexes_.push_back(index);
    outputColumns_.push_back(destinationRecord_.columns()[index]);
    unsetValues_.push_back(ColumnDefault::unsetValue(destination.columns[index], now));
  }
  for (const auto& key : source.primaryKey) {
    keyIndexes_.push_back(indexIn(sourceRecord_.columns(), key));
    keyColumns_.push_back(key);
  }
  plainCopy_ = sourceHandlers_.empty() && destinationHandlers_.empty() && copies_.size() == source.columns.size() &&
               std::all_of(copies_.begin(), copies_.end(), [&](const Copy& copy) {
                 return destinationRecord_.columns()[copy.to] == source.columns[copy.from].name;
               });
}

void DocumentTransformer::runHandlers(std::vector<std::unique_ptr<Handler>>& handlers, Record& record,
                                      const Record& opposite, Side side) {
  for (auto& handler : handlers) {
    try {
      handler->handle(record, opposite);
    } catch (const TransformError& error) {
      collectRejections(sourceRecord_, Side::Source);
      if (side == Side::Destination) collectRejections(destinationRecord_, Side::Destination);
      badValues_.push_back({side, record.document(), handler->field(), error.what(), true});
      throw;
    }
  }
}

void DocumentTransformer::collectRejections(const Record& record, Side side) {
  for (const auto& rejection : record.rejections())
    badValues_.push_back({side, record.document(), rejection.field, rejection.reason, false});
}

std::vector<Value> DocumentTransformer::transform(const std::vector<Value>& sourceRow) {
  startRow(sourceRow);
  sourceRecord_.assignAll(sourceRow);
  destinationRecord_.clear();
  runHandlers(sourceHandlers_, sourceRecord_, destinationRecord_, Side::Source);
  for (const auto& copy : copies_) destinationRecord_.assign(copy.to, sourceRecord_.values()[copy.from]);
  runHandlers(destinationHandlers_, destinationRecord_, destinationRecord_, Side::Destination);
  collectRejections(sourceRecord_, Side::Source);
  collectRejections(destinationRecord_, Side::Destination);
  warnings_ = sourceRecord_.warnings();
  warnings_.insert(warnings_.end(), destinationRecord_.warnings().begin(), destinationRecord_.warnings().end());
  return takeOutput(true);
}

std::vector<Value> DocumentTransformer::takeOutput(bool fillDefaults) {
  std::vector<Value> out;
  out.reserve(outputIndexes_.size());
  assigned_.assign(outputIndexes_.size(), false);
  for (std::size_t i = 0; i < outputIndexes_.size(); ++i) {
    assigned_[i] = destinationRecord_.isSet(outputIndexes_[i]);
    if (assigned_[i] || !fillDefaults) {
      out.push_back(std::move(destinationRecord_.values()[outputIndexes_[i]]));
    } else {
      out.push_back(unsetValues_[i]);
    }
  }
  return out;
}

std::vector<Value> DocumentTransformer::transformKey(const std::vector<Value>& sourceRow) {
  destinationRecord_.clear();
  for (const auto& copy : copies_) destinationRecord_.assign(copy.to, sourceRow[copy.from]);
  warnings_.clear();
  startRow(sourceRow);
  return takeOutput(false);
}

void DocumentTransformer::startRow(const std::vector<Value>& sourceRow) {
  badValues_.clear();
  keyValues_.clear();
  for (std::size_t index : keyIndexes_) keyValues_.push_back(index < sourceRow.size() ? sourceRow[index] : Value{});
}

std::string DocumentTransformer::rowKey() const {
  std::string key;
  for (std::size_t i = 0; i < keyColumns_.size() && i < keyValues_.size(); ++i) {
    if (!key.empty()) key += ',';
    key += keyColumns_[i] + "=" + keyValues_[i].value_or("NULL");
  }
  return key;
}

}  // namespace m2stage::schema
