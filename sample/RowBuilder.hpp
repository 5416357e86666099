// Builds the rows of a wide table by column name, so that a 100-column order row reads as
// name/value pairs. The first row fixes the column list; later rows must set the same columns
// in the same order (checked), so a row can never shift its values into the wrong columns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sample/RowSink.hpp"

namespace m2stage::sample {

class RowBuilder {
 public:
  explicit RowBuilder(std::string table) { spec_.name = std::move(table); }

  RowBuilder& operator()(std::string_view column, Field value);
  // `column` and `base_<column>` with the same amount in cents (the sample store has one
  // currency, so base and order amounts agree); NULL when there is no amount.
  RowBuilder& amounts(std::string_view column, std::optional<std::int64_t> cents);
  void send(RowSink& sink);

 private:
  TableSpec spec_;
  bool fixed_ = false;
  std::size_t cursor_ = 0;
  std::vector<Field> values_;
};

}  // namespace m2stage::sample
