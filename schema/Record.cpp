#include "schema/Record.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace m2stage::schema {

Record::Record(std::string document, std::vector<std::string> columns)
    : document_(std::move(document)), columns_(std::move(columns)), values_(columns_.size()),
      assigned_(columns_.size(), false) {}

int Record::indexOf(const std::string& column) const {
  auto found = std::find(columns_.begin(), columns_.end(), column);
  return found == columns_.end() ? -1 : static_cast<int>(found - columns_.begin());
}

const Value& Record::get(const std::string& column) const {
  int index = indexOf(column);
  if (index < 0) throw TransformError(fmt::format("{} field not found in the record.", column));
  return values_[index];
}

Value Record::valueOf(const std::string& column) const {
  int index = indexOf(column);
  return index < 0 ? Value{} : values_[index];
}

void Record::assign(std::size_t index, Value value) {
  values_[index] = std::move(value);
  assigned_[index] = true;
}

void Record::set(const std::string& column, Value value) {
  int index = indexOf(column);
  if (index < 0) throw TransformError(fmt::format("Record structure does not contain field {} on {}", column, document_));
  values_[index] = std::move(value);
  assigned_[index] = true;
}

void Record::assignAll(std::vector<Value> values) {
  values_ = std::move(values);
  values_.resize(columns_.size());
  std::fill(assigned_.begin(), assigned_.end(), true);
  warnings_.clear();
  rejections_.clear();
}

void Record::clear() {
  std::fill(values_.begin(), values_.end(), Value{});
  std::fill(assigned_.begin(), assigned_.end(), false);
  warnings_.clear();
  rejections_.clear();
}

}  // namespace m2stage::schema
