// \Migration\Handler\Gallery\InsertValueToEntity: for each row adds {value_id: F, entity_id:
// record.entity_id} to catalog_product_entity_media_gallery_value_to_entity (row_id instead of
// entity_id unless edition_migrate is opensource-to-opensource: m2stage assumes Commerce
// destinations have Magento_CatalogStaging). F itself is unchanged.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class GalleryInsertValueToEntity : public Handler {
 public:
  // The Magento 2 document the rows it adds go to.
  static constexpr const char* kOutputDocument = "catalog_product_entity_media_gallery_value_to_entity";

  GalleryInsertValueToEntity(std::string field, HandlerEnvironment& environment);
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"entity_id"}}; }

 private:
  HandlerEnvironment& environment_;
  std::string entityColumn_;
};

}  // namespace m2stage::schema::handlers
