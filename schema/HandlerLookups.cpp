#include "schema/HandlerLookups.hpp"

#include <map>

namespace m2stage::schema {

std::vector<std::string> lookupDocuments(const HandlerSpec& spec) {
  // Mirrors the list in Handler.hpp (HandlerEnvironment); keep the two together.
  static const std::map<std::string, std::vector<std::string>> fixed = {
      {"Migration\\Handler\\EavAttribute\\ApplyTo", {"eav_attribute"}},
      {"Migration\\Handler\\ConvertEavValue", {"eav_attribute"}},
      {"Migration\\Handler\\SetValueAttributeCondition", {"eav_attribute"}},
      {"Migration\\Handler\\TruncateSuffix", {"eav_attribute", "eav_entity_type", "core_config_data"}},
      {"Migration\\Handler\\CleanMultiselect", {"eav_attribute", "eav_entity_type"}},
      {"Migration\\Handler\\ConvertTimestampToDate", {"eav_attribute"}},
      {"Migration\\Handler\\EavAttribute\\BackendTypeForMultiselect", {"eav_entity_type"}},
      {"Migration\\Handler\\EavAttributeGroup\\SetGroupCode", {"eav_entity_type", "eav_attribute_set"}},
      {"Migration\\Handler\\SetDefaultWebsiteId", {"core_website"}},
      {"Migration\\Handler\\ProductAlertStoreId", {"core_website", "core_store_group"}},
      {"Migration\\Handler\\StoreGroupCode", {"core_store_group"}},
      {"Migration\\Handler\\Synonym", {"core_store"}},
      {"Migration\\Handler\\QuoteMultiAddressStoreId", {"sales_flat_quote_item"}},
      {"Migration\\Handler\\Gallery\\SetEntityId", {"catalog_product_entity_media_gallery"}},
  };
  auto found = fixed.find(spec.className);
  std::vector<std::string> documents = found == fixed.end() ? std::vector<std::string>{} : found->second;
  if (spec.className == "Migration\\Handler\\BundleParentProduct") {
    auto document = spec.params.find("documentWithProductId");
    if (document != spec.params.end()) documents.push_back(document->second);
  }
  return documents;
}

}  // namespace m2stage::schema
