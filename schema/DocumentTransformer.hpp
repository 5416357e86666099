// Turns rows of one Magento 1 document into rows of its Magento 2 document under the map:
// source handlers, then the field copy (ignore/move), then destination handlers (map.xml §2.4).
// Built once per document pair; transform() is called per row.
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
  // Throws InputError for unknown handler classes or ambiguous map rules.
  DocumentTransformer(const MapRules& map, const Table& source, const Table& destination);

  // Destination columns the output rows carry, in destination table order.
  // Columns never set keep the server default (they are left out of the INSERT).
  const std::vector<std::string>& outputColumns() const { return outputColumns_; }

  // True when rows are copied unchanged (same column names, no handlers): a fast path.
  bool isPlainCopy() const { return plainCopy_; }

  // `sourceRow` is in source table column order; the result is in outputColumns() order.
  // Throws TransformError for a row the handlers reject.
  std::vector<Value> transform(const std::vector<Value>& sourceRow);

 private:
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
  bool plainCopy_ = false;
};

}  // namespace m2stage::schema
