// Turns rows of one Magento 1 document into rows of its Magento 2 document under the map:
// source handlers, then the field copy (ignore/move), then destination handlers (map.xml §2.4).
// Built once per document pair; transform() is called per row.
// Handlers that read Magento 1 lookup tables or add rows to other documents need a
// HandlerEnvironment (see Handler.hpp); without one, building them throws InputError.
#pragma once

#include <memory>
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
  // the transformer.
  DocumentTransformer(const MapRules& map, const Table& source, const Table& destination,
                      HandlerEnvironment* environment = nullptr);

  // Destination columns the output rows carry, in destination table order.
  // Columns never set keep the server default (they are left out of the INSERT).
  const std::vector<std::string>& outputColumns() const { return outputColumns_; }

  // True when rows are copied unchanged (same column names, no handlers): a fast path.
  bool isPlainCopy() const { return plainCopy_; }

  // `sourceRow` is in source table column order; the result is in outputColumns() order.
  // Throws TransformError for a row the handlers reject.
  std::vector<Value> transform(const std::vector<Value>& sourceRow);
  // For a deleted row (only its key is known): the copied fields only, no handlers.
  std::vector<Value> transformKey(const std::vector<Value>& sourceRow);

  // Warnings the handlers raised on the last transform() call (to be logged as WARNING lines).
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Per output column of the last row: false when nothing set it (no copy and the handlers left
  // it alone, e.g. ProductAlertStoreId without a website). Upstream leaves such a column out of
  // the INSERT so the server default applies; the row's value is then NULL here.
  const std::vector<bool>& assigned() const { return assigned_; }

 private:
  // The destination record's output columns, moved out, with their assigned() flags.
  std::vector<Value> takeOutput();
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
  std::vector<std::string> warnings_;
  std::vector<bool> assigned_;
  bool plainCopy_ = false;
};

}  // namespace m2stage::schema
