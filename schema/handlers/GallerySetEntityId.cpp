#include "schema/handlers/GallerySetEntityId.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

void GallerySetEntityId::handle(Record& record, const Record&) {
  validate(record);
  auto entity = environment_.sourceLookup("catalog_product_entity_media_gallery", "value_id",
                                          record.valueOf("value_id").value_or(""), "entity_id");
  record.set(field_, std::to_string(entity ? php::toInt(*entity) : 0));
}

}  // namespace m2stage::schema::handlers
