// One row of one document, addressed by column name. Handlers read and change records, and may
// leave warnings on it (the official tool logs them; handlers have no logger by design) and
// report values they could not take (transform turns those into findings naming the row).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "schema/Table.hpp"

namespace m2stage::schema {

class Record {
 public:
  Record(std::string document, std::vector<std::string> columns);

  const std::string& document() const { return document_; }
  const std::vector<std::string>& columns() const { return columns_; }
  bool has(const std::string& column) const { return indexOf(column) >= 0; }

  // Throws TransformError "<field> field not found in the record." when absent.
  const Value& get(const std::string& column) const;
  // The value, or NULL when the column is absent (upstream Record::getValue on a missing field).
  Value valueOf(const std::string& column) const;
  // Throws TransformError "Record structure does not contain field <f> on <doc>" when absent.
  void set(const std::string& column, Value value);
  bool isSet(std::size_t index) const { return assigned_[index]; }
  void assign(std::size_t index, Value value);

  std::vector<Value>& values() { return values_; }
  const std::vector<Value>& values() const { return values_; }
  // Both also drop the warnings and rejections of the previous row.
  void assignAll(std::vector<Value> values);
  void clear();

  // Warnings handlers raised on this row, in order (e.g. broken serialized data).
  void warn(std::string message) { warnings_.push_back(std::move(message)); }
  const std::vector<std::string>& warnings() const { return warnings_; }

  // A value of `field` a handler could not take, and why (e.g. broken serialized data). The
  // handler has already stored what upstream stores in that case (NULL); transform records an
  // "Incompatibility in data" finding with the row's key.
  struct Rejection {
    std::string field;
    std::string reason;
  };
  void reject(std::string field, std::string reason) { rejections_.push_back({std::move(field), std::move(reason)}); }
  const std::vector<Rejection>& rejections() const { return rejections_; }

 private:
  int indexOf(const std::string& column) const;

  std::string document_;
  std::vector<std::string> columns_;
  std::vector<Value> values_;
  std::vector<bool> assigned_;
  std::vector<std::string> warnings_;
  std::vector<Rejection> rejections_;
};

// A row that cannot be transformed (the official tool's Migration\Exception for records).
class TransformError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace m2stage::schema
