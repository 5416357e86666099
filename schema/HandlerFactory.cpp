#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "schema/Handler.hpp"
#include "schema/XmlFile.hpp"
#include "schema/handlers/AddPrefix.hpp"
#include "schema/handlers/BundleParentProduct.hpp"
#include "schema/handlers/ClassMapHandler.hpp"
#include "schema/handlers/CleanMultiselect.hpp"
#include "schema/handlers/Convert.hpp"
#include "schema/handlers/ConvertDateFormat.hpp"
#include "schema/handlers/ConvertEavValue.hpp"
#include "schema/handlers/ConvertIp.hpp"
#include "schema/handlers/ConvertTimestampToDate.hpp"
#include "schema/handlers/EavAttributeApplyTo.hpp"
#include "schema/handlers/EavAttributeBackendTypeForMultiselect.hpp"
#include "schema/handlers/EavAttributeConvertConfigurableAttribute.hpp"
#include "schema/handlers/EavAttributeConvertModel.hpp"
#include "schema/handlers/EavAttributeGroupSetGroupCode.hpp"
#include "schema/handlers/Encrypt.hpp"
#include "schema/handlers/FieldCopy.hpp"
#include "schema/handlers/GalleryInsertValueToEntity.hpp"
#include "schema/handlers/GallerySetEntityId.hpp"
#include "schema/handlers/GetDestinationValue.hpp"
#include "schema/handlers/HandlerSupport.hpp"
#include "schema/handlers/Placeholder.hpp"
#include "schema/handlers/ProductAlertStoreId.hpp"
#include "schema/handlers/QuoteMultiAddressStoreId.hpp"
#include "schema/handlers/RuleSerializedData.hpp"
#include "schema/handlers/SalesOrderStatusStateSetVisibleOnFront.hpp"
#include "schema/handlers/SerializeToJson.hpp"
#include "schema/handlers/SerializeToJsonConvertWithConditions.hpp"
#include "schema/handlers/SerializeToJsonItemOption.hpp"
#include "schema/handlers/SerializeToJsonSalesOrderItem.hpp"
#include "schema/handlers/SetDefaultWebsiteId.hpp"
#include "schema/handlers/SetHash.hpp"
#include "schema/handlers/SetValue.hpp"
#include "schema/handlers/SetValueAttributeCondition.hpp"
#include "schema/handlers/SettingsCategoryRootId.hpp"
#include "schema/handlers/SettingsTemplate.hpp"
#include "schema/handlers/SettingsUrlSuffix.hpp"
#include "schema/handlers/StoreGroupCode.hpp"
#include "schema/handlers/Synonym.hpp"
#include "schema/handlers/Timezone.hpp"
#include "schema/handlers/TruncateSuffix.hpp"
#include "schema/php/PhpString.hpp"

namespace m2stage::schema {

namespace {

using namespace handlers;

using Builder = std::function<std::unique_ptr<Handler>(const HandlerSpec&, const std::string&, const HandlerContext&)>;

// Builders for handlers that only need their field.
template <typename T>
Builder plain() {
  return [](const HandlerSpec&, const std::string& field, const HandlerContext&) { return std::make_unique<T>(field); };
}

// Builders for handlers that read Magento 1 tables or write other documents.
template <typename T>
Builder withEnvironment() {
  return [](const HandlerSpec& spec, const std::string& field, const HandlerContext& context) {
    return std::make_unique<T>(field, requireEnvironment(spec, field, context));
  };
}

// Builders for handlers that use the class map.
template <typename T>
Builder withClassMap() {
  return [](const HandlerSpec& spec, const std::string& field, const HandlerContext& context) {
    return std::make_unique<T>(field, requireEnvironment(spec, field, context).classMap());
  };
}

// `(bool)$param` on a map param: PHP truthiness, so only "" and "0" are false.
bool phpBool(const HandlerSpec& spec, const std::string& name, bool fallback) {
  auto value = optionalParam(spec, name);
  return value ? php::truthy(value) : fallback;
}

std::unique_ptr<Handler> buildTimezone(const HandlerSpec& spec, const std::string& field, const HandlerContext& context) {
  std::string offset = requiredParam(spec, "offset");
  int hours = 0;
  try {
    std::size_t used = 0;
    hours = std::stoi(offset, &used);
    if (used != offset.size()) throw std::invalid_argument(offset);
  } catch (const std::exception&) {
    throw InputError(fmt::format("{}: Timezone offset \"{}\" is not a whole number of hours", spec.location, offset));
  }
  if (hours < -14 || hours > 12)
    throw InputError(fmt::format("{}: Offset can have value between \"-14\" and \"+12\"", spec.location));
  const Column* column = context.table ? context.table->find(field) : nullptr;
  if (!column)
    throw InputError(fmt::format("{}: handler \\{} (on {}) needs the column's type", spec.location, spec.className, field));
  const std::string& type = column->dataType;
  if (type != "int" && type != "integer" && type != "timestamp" && type != "datetime")
    throw InputError(fmt::format("{}: Provided datatype for field \"{}\" is not supported", spec.location, field));
  return std::make_unique<Timezone>(field, hours, type == "int" || type == "integer");
}

std::vector<std::string> bracketList(std::string text) {
  while (!text.empty() && text.back() == ']') text.pop_back();
  text.erase(0, std::min(text.find_first_not_of('['), text.size()));
  std::vector<std::string> items;
  std::size_t start = 0;
  while (true) {
    auto end = text.find(',', start);
    items.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return items;
    start = end + 1;
  }
}

const std::map<std::string, Builder>& builders() {
  static const std::map<std::string, Builder> known = {
      {"Migration\\Handler\\SetValue",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext&) {
         std::string value = requiredParam(spec, "value");
         // Upstream would fail on every row (PHP 8 TypeError); say so once, naming the map line.
         if (SetValue::isArithmetic(value) && !php::isNumeric(value.substr(1)))
           throw InputError(fmt::format("{}: SetValue value \"{}\" starts with {} and is therefore arithmetic (as "
                                        "upstream), but no number follows",
                                        spec.location, value, value.front()));
         return std::make_unique<SetValue>(field, std::move(value));
       }},
      {"Migration\\Handler\\AddPrefix",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext&) {
         return std::make_unique<AddPrefix>(field, requiredParam(spec, "prefix"));
       }},
      {"Migration\\Handler\\Convert",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext&) {
         return std::make_unique<Convert>(field, parseConvertMap(spec, requiredParam(spec, "map")),
                                          optionalParam(spec, "defaultValue"));
       }},
      {"Migration\\Handler\\ConvertDateFormat", plain<ConvertDateFormat>()},
      {"Migration\\Handler\\ConvertIp", plain<ConvertIp>()},
      {"Migration\\Handler\\ConvertTimestampToDate", plain<ConvertTimestampToDate>()},
      {"Migration\\Handler\\ClassMap", withClassMap<ClassMapHandler>()},
      {"Migration\\Handler\\Placeholder", withClassMap<Placeholder>()},
      {"Migration\\Handler\\EavAttribute\\ConvertModel", withClassMap<EavAttributeConvertModel>()},
      {"Migration\\Handler\\Rule\\SerializedData", withClassMap<RuleSerializedData>()},
      {"Migration\\Handler\\FieldCopy",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext&) {
         return std::make_unique<FieldCopy>(field, requiredParam(spec, "fieldCopy"));
       }},
      {"Migration\\Handler\\GetDestinationValue",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext&) {
         return std::make_unique<GetDestinationValue>(field, optionalParam(spec, "setNullIfEmpty") == "true");
       }},
      {"Migration\\Handler\\SetHash",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext&) {
         std::string hash = requiredParam(spec, "hash");
         if (hash != "crc32")
           throw InputError(fmt::format("{}: {} hash algorithm is not supported.", spec.location, hash));
         return std::make_unique<SetHash>(field, requiredParam(spec, "baseField"));
       }},
      {"Migration\\Handler\\Timezone", buildTimezone},
      {"Migration\\Handler\\Encrypt", Encrypt::create},
      {"Migration\\Handler\\SerializeToJson",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext& context) {
         return std::make_unique<SerializeToJson>(field, idColumn(context.table),
                                                  isTrueWord(optionalParam(spec, "migrateBrokenData"), true),
                                                  isTrueWord(optionalParam(spec, "suppressWarning"), false));
       }},
      {"Migration\\Handler\\SerializeToJson\\ConvertWithConditions",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext& context) {
         return std::make_unique<SerializeToJsonConvertWithConditions>(
             field, idColumn(context.table), requiredParam(spec, "conditionalField"),
             SerializeToJsonConvertWithConditions::compilePcre(requiredParam(spec, "conditionalFieldValuesPattern"),
                                                              spec.location),
             phpBool(spec, "ignoreBrokenData", true));
       }},
      {"Migration\\Handler\\SerializeToJson\\ItemOption",
       [](const HandlerSpec&, const std::string& field, const HandlerContext& context) {
         return std::make_unique<SerializeToJsonItemOption>(field, idColumn(context.table));
       }},
      {"Migration\\Handler\\SerializeToJson\\SalesOrderItem",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext& context) {
         return std::make_unique<SerializeToJsonSalesOrderItem>(field, idColumn(context.table),
                                                                phpBool(spec, "ignoreBrokenData", true));
       }},
      {"Migration\\Handler\\SalesOrderStatusState\\SetVisibleOnFront", plain<SalesOrderStatusStateSetVisibleOnFront>()},
      {"Migration\\Handler\\Settings\\CategoryRootId", plain<SettingsCategoryRootId>()},
      {"Migration\\Handler\\Settings\\UrlSuffix", plain<SettingsUrlSuffix>()},
      {"Migration\\Handler\\Settings\\Template", plain<SettingsTemplate>()},
      {"Migration\\Handler\\StoreGroupCode", withEnvironment<StoreGroupCode>()},
      {"Migration\\Handler\\ProductAlertStoreId", withEnvironment<ProductAlertStoreId>()},
      {"Migration\\Handler\\QuoteMultiAddressStoreId", withEnvironment<QuoteMultiAddressStoreId>()},
      {"Migration\\Handler\\SetDefaultWebsiteId", withEnvironment<SetDefaultWebsiteId>()},
      {"Migration\\Handler\\Gallery\\SetEntityId", withEnvironment<GallerySetEntityId>()},
      {"Migration\\Handler\\Gallery\\InsertValueToEntity", withEnvironment<GalleryInsertValueToEntity>()},
      {"Migration\\Handler\\Synonym", withEnvironment<Synonym>()},
      {"Migration\\Handler\\EavAttribute\\ApplyTo", withEnvironment<EavAttributeApplyTo>()},
      {"Migration\\Handler\\EavAttribute\\BackendTypeForMultiselect", withEnvironment<EavAttributeBackendTypeForMultiselect>()},
      {"Migration\\Handler\\EavAttribute\\ConvertConfigurableAttribute", plain<EavAttributeConvertConfigurableAttribute>()},
      {"Migration\\Handler\\EavAttributeGroup\\SetGroupCode", withEnvironment<EavAttributeGroupSetGroupCode>()},
      {"Migration\\Handler\\CleanMultiselect", withEnvironment<CleanMultiselect>()},
      {"Migration\\Handler\\BundleParentProduct",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext& context) {
         return std::make_unique<BundleParentProduct>(field, requireEnvironment(spec, field, context),
                                                      requiredParam(spec, "parentField"),
                                                      requiredParam(spec, "documentWithProductId"),
                                                      requiredParam(spec, "fieldWithProductId"));
       }},
      {"Migration\\Handler\\ConvertEavValue",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext& context) {
         return std::make_unique<ConvertEavValue>(field, requireEnvironment(spec, field, context),
                                                  parseConvertMap(spec, requiredParam(spec, "map")),
                                                  requiredParam(spec, "attributeCode"));
       }},
      {"Migration\\Handler\\SetValueAttributeCondition",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext& context) {
         std::string value = requiredParam(spec, "value");
         std::string lowered = value;
         for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
         bool isNull = lowered == "null";
         return std::make_unique<SetValueAttributeCondition>(field, requireEnvironment(spec, field, context),
                                                             requiredParam(spec, "attributeCode"),
                                                             isNull ? Value{} : Value(value));
       }},
      {"Migration\\Handler\\TruncateSuffix",
       [](const HandlerSpec& spec, const std::string& field, const HandlerContext& context) {
         return std::make_unique<TruncateSuffix>(field, requireEnvironment(spec, field, context),
                                                 requiredParam(spec, "suffixPath"),
                                                 bracketList(requiredParam(spec, "attributeCodes")),
                                                 requiredParam(spec, "entityTypeCode"));
       }},
  };
  return known;
}

}  // namespace

// MapRules already drops the leading backslash; accept it here too.
static std::string normalized(const std::string& className) {
  return !className.empty() && className[0] == '\\' ? className.substr(1) : className;
}

bool isKnownHandler(const std::string& className) { return builders().contains(normalized(className)); }

std::unique_ptr<Handler> makeHandler(const HandlerSpec& spec, const std::string& field, const HandlerContext& context) {
  auto found = builders().find(normalized(spec.className));
  if (found == builders().end())
    throw InputError(fmt::format("{}: unknown handler class \\{} (on {})", spec.location, normalized(spec.className), field));
  return found->second(spec, field, context);
}

std::unique_ptr<Handler> makeHandler(const HandlerSpec& spec, const std::string& field) {
  return makeHandler(spec, field, HandlerContext{});
}

std::unique_ptr<Handler> makeHandler(const HandlerSpec& spec, const std::string& field, HandlerEnvironment& environment) {
  return makeHandler(spec, field, HandlerContext{nullptr, &environment});
}

}  // namespace m2stage::schema
