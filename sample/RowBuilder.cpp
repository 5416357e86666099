#include "sample/RowBuilder.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace m2stage::sample {

RowBuilder& RowBuilder::operator()(std::string_view column, Field value) {
  if (!fixed_) {
    spec_.columns.emplace_back(column);
  } else if (cursor_ >= spec_.columns.size() || spec_.columns[cursor_] != column) {
    throw std::logic_error(fmt::format("{}: column {} set out of order", spec_.name, column));
  }
  ++cursor_;
  values_.push_back(std::move(value));
  return *this;
}

RowBuilder& RowBuilder::amounts(std::string_view column, std::optional<std::int64_t> cents) {
  Field value = cents ? Field::money(*cents) : Field::null();
  (*this)(column, value);
  return (*this)(fmt::format("base_{}", column), std::move(value));
}

void RowBuilder::send(RowSink& sink) {
  if (cursor_ != spec_.columns.size())
    throw std::logic_error(fmt::format("{}: {} of {} columns set", spec_.name, cursor_, spec_.columns.size()));
  fixed_ = true;
  cursor_ = 0;
  sink.add(spec_, std::move(values_));
  values_.clear();
}

}  // namespace m2stage::sample
