#include "schema/DocumentTransformer.hpp"

#include <algorithm>
#include <set>

namespace m2stage::schema {

namespace {
std::size_t indexIn(const std::vector<std::string>& columns, const std::string& name) {
  return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
}
}  // namespace

DocumentTransformer::DocumentTransformer(const MapRules& map, const Table& source, const Table& destination)
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
      sourceHandlers_.push_back(makeHandler(spec, column.name));
  }
  for (const auto& column : destination.columns) {
    auto specs = map.handlers(destination.name, column.name, Side::Destination);
    for (const auto& spec : specs) destinationHandlers_.push_back(makeHandler(spec, column.name));
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
  for (const auto& copy : copies_) destinationRecord_.values()[copy.to] = sourceRecord_.values()[copy.from];
  for (auto& handler : destinationHandlers_) handler->handle(destinationRecord_, destinationRecord_);
  std::vector<Value> out;
  out.reserve(outputIndexes_.size());
  for (std::size_t index : outputIndexes_) out.push_back(std::move(destinationRecord_.values()[index]));
  return out;
}

}  // namespace m2stage::schema
