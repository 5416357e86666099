// \Migration\Handler\Gallery\SetEntityId: F = (int) entity_id of the Magento 1
// catalog_product_entity_media_gallery row with the row's value_id; 0 when there is none.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class GallerySetEntityId : public Handler {
 public:
  GallerySetEntityId(std::string field, HandlerEnvironment& environment) : Handler(std::move(field)), environment_(environment) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"value_id"}}; }

 private:
  HandlerEnvironment& environment_;
};

}  // namespace m2stage::schema::handlers
