// \Migration\Handler\EavAttributeGroup\SetGroupCode: F = the Magento 2 attribute_group_code for the row's
// attribute_group_name. Product groups General, Prices, Design and Images (optionally prefixed
// "Migration_") map to product-details, advanced-pricing, design and image-management; any other
// name is lowercased, transliterated, runs of non-[a-z0-9] become '-', and '-' is trimmed; an empty
// result becomes md5(""). The entity type comes from Magento 1 eav_attribute_set/eav_entity_type.
// Transliteration covers Latin letters with diacritics (Latin-1 and Latin Extended-A); other
// scripts become '-' (Magento's Translit filter goes further through iconv).
#pragma once

#include <map>
#include <optional>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class EavAttributeGroupSetGroupCode : public Handler {
 public:
  EavAttributeGroupSetGroupCode(std::string field, HandlerEnvironment& environment)
      : Handler(std::move(field)), environment_(environment) {}

  // The code for a group name of an entity type (exposed for tests).
  static std::string codeOf(const std::string& groupName, const std::string& entityTypeCode);
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"attribute_set_id"}, {"attribute_group_name"}}; }

 private:
  HandlerEnvironment& environment_;
  std::optional<std::map<std::string, std::string>> entityTypeBySet_;  // attribute_set_id -> entity_type_code
};

}  // namespace m2stage::schema::handlers
