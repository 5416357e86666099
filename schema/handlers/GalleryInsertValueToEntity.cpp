#include "schema/handlers/GalleryInsertValueToEntity.hpp"

namespace m2stage::schema::handlers {

GalleryInsertValueToEntity::GalleryInsertValueToEntity(std::string field, HandlerEnvironment& environment)
    : Handler(std::move(field)), environment_(environment) {
  std::string edition = environment_.option("edition_migrate");
  entityColumn_ = edition.empty() || edition == "opensource-to-opensource" ? "entity_id" : "row_id";
}

void GalleryInsertValueToEntity::handle(Record& record, const Record&) {
  validate(record);
  environment_.addDestinationRow(kOutputDocument, {"value_id", entityColumn_},
                                 {record.get(field_), record.valueOf("entity_id")});
}

}  // namespace m2stage::schema::handlers
