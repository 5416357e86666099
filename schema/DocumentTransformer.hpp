// Turns rows of one Magento 1 document into rows of its Magento 2 document under the map:
// source handlers, then the field copy (ignore/move), then destination handlers (map.xml §2.4).
// Built once per document pair; transform() is called per row.
// Handlers that read Magento 1 lookup tables or add rows to other documents need a
// HandlerEnvironment (see Handler.hpp); without one, building them throws InputError.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "schema/Handler.hpp"
#include "schema/MapRules.hpp"
#include "schema/Record.hpp"
#include "schema/Table.hpp"

namespace m2stage::schema {

class DocumentTransformer {
 public:
  // Throws InputError for unknown handler classes, bad handler params, handlers that need an
  // environment when `environment` is null, or ambiguous map rules. `environment` must outlive
  // the transformer. `now` is when the transform runs: the value of a current_timestamp()
  // DEFAULT (see unset columns below).
  DocumentTransformer(const MapRules& map, const Table& source, const Table& destination,
                      HandlerEnvironment* environment = nullptr,
                      std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

  // Destination columns the output rows carry, in destination table order: the copied ones and
  // those a destination handler works on. Other columns are left to the server at load.
  const std::vector<std::string>& outputColumns() const { return outputColumns_; }

  // True when rows are copied unchanged (same column names, no handlers): a fast path.
  bool isPlainCopy() const { return plainCopy_; }

  // `sourceRow` is in source table column order; the result is in outputColumns() order.
  // An output column that nothing set on this row (the handlers left it alone, e.g.
  // ProductAlertStoreId without a website) gets what the server would store for a column the
  // INSERT leaves out, as upstream leaves it out: the destination column's DEFAULT (see
  // ColumnDefault::unsetValue), so load needs no per-row column lists.
  // Throws TransformError for a row a handler rejects (badValues() then names it).
  std::vector<Value> transform(const std::vector<Value>& sourceRow);
  // For a deleted row (only its key is known): the copied fields only, no handlers, no defaults.
  std::vector<Value> transformKey(const std::vector<Value>& sourceRow);

  // Warnings the handlers raised on the last transform() call (to be logged as WARNING lines).
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Per output column of the last row: false when nothing set it and the default was filled in.
  const std::vector<bool>& assigned() const { return assigned_; }

  // A value of the last row that a handler could not take.
  struct BadValue {
    Side side;             // the record the handler worked on
    std::string document;  // that side's document
    std::string field;
    std::string reason;
    bool fatal = false;  // the handler stopped the row: transform() threw TransformError
  };
  const std::vector<BadValue>& badValues() const { return badValues_; }
  // The last row's source primary key as "a=1,b=x" (NULL as NULL); "" when the source table has
  // no key.
  std::string rowKey() const;

 private:
  // The destination record's output columns, moved out, with their assigned() flags.
  std::vector<Value> takeOutput(bool fillDefaults);
  // Forgets the previous row's bad values and keeps this row's key for rowKey().
  void startRow(const std::vector<Value>& sourceRow);
  // Runs handlers on `record`; a TransformError becomes a fatal BadValue, then propagates.
  void runHandlers(std::vector<std::unique_ptr<Handler>>& handlers, Record& record, const Record& opposite, Side side);
  void collectRejections(const Record& record, Side side);
  struct Copy {
    std::size_t from;  // index in the source row
    std::size_t to;    // index in the destination record
  };

  Record sourceRecord_;
  Record destinationRecord_;
  std::vector<Copy> copies_;
  std::vector<std::unique_ptr<Handler>> sourceHandlers_;
  std::vector<std::unique_ptr<Handler>> destinationHandlers_;
  std::vector<std::size_t> outputIndexes_;  // destination record index per output column
  std::vector<std::string> outputColumns_;
  std::vector<Value> unsetValues_;  // per output column: stored when nothing set it
  std::vector<std::size_t> keyIndexes_;  // source primary key columns, in key order
  std::vector<std::string> keyColumns_;
  std::vector<Value> keyValues_;         // of the last row, before any handler ran
  std::vector<std::string> warnings_;
  std::vector<BadValue> badValues_;
  std::vector<bool> assigned_;
  bool plainCopy_ = false;
};

}  // namespace m2stage::schema
