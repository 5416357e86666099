// An in-memory HandlerEnvironment for handler tests (our own interface's test double), plus a
// helper that runs one handler on one row.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "schema/Handler.hpp"
#include "schema/XmlFile.hpp"

namespace m2stage::test {

class MemoryEnvironment : public schema::HandlerEnvironment {
 public:
  std::map<std::string, std::vector<schema::Row>> tables;
  std::map<std::string, std::string> options;
  schema::ClassMap classes;
  struct Added {
    std::string document;
    std::vector<std::string> columns;
    std::vector<schema::Value> values;
  };
  std::vector<Added> added;
  std::map<std::string, int> reads;  // sourceRows calls per document

  std::vector<schema::Row> sourceRows(const std::string& document) override {
    ++reads[document];
    auto found = tables.find(document);
    if (found == tables.end()) throw schema::InputError(document + " is not staged");
    return found->second;
  }
  std::optional<schema::Value> sourceLookup(const std::string& document, const std::string& keyColumn,
                                            const std::string& key, const std::string& column) override {
    for (auto& row : sourceRows(document))
      if (row[keyColumn] == key) return row[column];
    return std::nullopt;
  }
  void addDestinationRow(const std::string& document, const std::vector<std::string>& columns,
                         std::vector<schema::Value> values) override {
    added.push_back({document, columns, std::move(values)});
  }
  const schema::ClassMap& classMap() override { return classes; }
  std::string option(const std::string& name) override { return options.contains(name) ? options[name] : ""; }
};

inline schema::HandlerSpec spec(const std::string& className, std::map<std::string, std::string> params = {}) {
  return {className, std::move(params), "map.xml:7"};
}

// A record of `document` with the given columns and values.
inline schema::Record record(const std::string& document, std::vector<std::pair<std::string, schema::Value>> cells) {
  std::vector<std::string> columns;
  std::vector<schema::Value> values;
  for (auto& [column, value] : cells) {
    columns.push_back(column);
    values.push_back(value);
  }
  schema::Record result(document, columns);
  result.assignAll(values);
  return result;
}

// Runs handler `className` on `field` of `row` (opposite: an empty record) and returns the field.
inline schema::Value run(const schema::HandlerSpec& handlerSpec, const std::string& field, schema::Record& row,
                         schema::HandlerEnvironment* environment = nullptr, const schema::Table* table = nullptr) {
  auto handler = schema::makeHandler(handlerSpec, field, schema::HandlerContext{table, environment});
  schema::Record opposite(row.document(), row.columns());
  handler->handle(row, opposite);
  return row.get(field);
}

}  // namespace m2stage::test
