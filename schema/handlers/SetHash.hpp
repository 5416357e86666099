// \Migration\Handler\SetHash: F = crc32(opposite[baseField]) as PHP's crc32() returns it on 64-bit
// (unsigned decimal); NULL hashes as "". Only the crc32 algorithm exists upstream.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class SetHash : public Handler {
 public:
  SetHash(std::string field, std::string baseField) : Handler(std::move(field)), baseField_(std::move(baseField)) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{baseField_, true}}; }

 private:
  std::string baseField_;
};

}  // namespace m2stage::schema::handlers
