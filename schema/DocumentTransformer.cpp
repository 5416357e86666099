#include "schema/DocumentTransformer.hpp"

#include <algorithm>
#include <set>

namespace m2stage::schema {

namespace {
std::size_t indexIn(const std::vector<std::string>& columns, const std::string& name) {
  return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
}
}  // namespace

DocumentTransformer::DocumentTransformer(const MapRules& map, const Table& source, const Table& destination,
                                         HandlerEnvironment* environment)
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
  }
  plainCopy_ = sourceHandlers_.empty() && destinationHandlers_.empty() && copies_.size() == source.columns.size() &&
               std::all_of(copies_.begin(), copies_.end(), [&](const Copy& copy) {
                 return destinationRecord_.columns()[copy.to] == source.columns[copy.from].name;
               });
}

std::vector<Value> DocumentTransformer::transform(const std::vector<Value>& sourceRow) {
  sourceRecord_.assignAll(sourceRow);
  destinationRecord_.clear();
  for (auto& handler : sourceHandlers_) handler->handle(sourceRecord_, destinationRecord_);
  for (const auto& copy : copies_) destinationRecord_.assign(copy.to, sourceRecord_.values()[copy.from]);
  for (auto& handler : destinationHandlers_) handler->handle(destinationRecord_, destinationRecord_);
  warnings_ = sourceRecord_.warnings();
  warnings_.insert(warnings_.end(), destinationRecord_.warnings().begin(), destinationRecord_.warnings().end());
  return takeOutput();
}

std::vector<Value> DocumentTransformer::takeOutput() {
  std::vector<Value> out;
  out.reserve(outputIndexes_.size());
  assigned_.assign(outputIndexes_.size(), false);
  for (std::size_t i = 0; i < outputIndexes_.size(); ++i) {
    assigned_[i] = destinationRecord_.isSet(outputIndexes_[i]);
    out.push_back(std::move(destinationRecord_.values()[outputIndexes_[i]]));
  }
  return out;
}

std::vector<Value> DocumentTransformer::transformKey(const std::vector<Value>& sourceRow) {
  destinationRecord_.clear();
  for (const auto& copy : copies_) destinationRecord_.assign(copy.to, sourceRow[copy.from]);
  warnings_.clear();
  return takeOutput();
}

}  // namespace m2stage::schema
