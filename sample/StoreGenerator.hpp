// The sample Magento 1.9 CE store: writes every section's rows, in an order that keeps each
// section streaming (nothing is held beyond the row being written). Same seed, same rows.
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>

#include "sample/Plan.hpp"
#include "sample/RowSink.hpp"

namespace m2stage::sample {

struct GeneratorOptions {
  std::int64_t scale = 1;
  std::uint64_t seed = 1;
  bool withSchema = true;  // print sample/m1-schema.sql (embedded) before the rows
};

class StoreGenerator {
 public:
  explicit StoreGenerator(GeneratorOptions options) : options_(options), plan_(options.scale) {}

  // Every row, to any sink (tests collect them in memory).
  void generate(RowSink& sink) const;
  // A complete SQL script for the mariadb client: settings, schema, rows. Returns the row count.
  std::int64_t writeSql(std::ostream& out) const;

  const Plan& plan() const { return plan_; }

 private:
  GeneratorOptions options_;
  Plan plan_;
};

// The text of sample/m1-schema.sql, built into the program.
std::string_view m1Schema();

}  // namespace m2stage::sample
