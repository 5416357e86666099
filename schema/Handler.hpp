// A field handler from the official map grammar (<transform><handler class="...">), and what a
// handler may use beyond the record it changes (HandlerEnvironment, HandlerContext).
// Each instance is bound to one field of one document and is built once per document.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "schema/ClassMap.hpp"
#include "schema/MapRules.hpp"
#include "schema/Record.hpp"
#include "schema/Table.hpp"

namespace m2stage::schema {

// One staged row: column name -> value.
using Row = std::map<std::string, Value>;

// What handlers need outside the row they transform. Upstream handlers query the Magento 1
// database and write to Magento 2 tables while transforming; in m2stage they go through this
// interface, which transform/ implements over the staging file.
//
// Who uses what (documents are unprefixed Magento 1 names):
//  * sourceRows():   eav_attribute (ApplyTo, ConvertEavValue, SetValueAttributeCondition, TruncateSuffix,
//                    CleanMultiselect), eav_entity_type (BackendTypeForMultiselect, TruncateSuffix,
//                    CleanMultiselect, EavAttributeGroup\SetGroupCode), eav_attribute_set (SetGroupCode),
//                    core_config_data (TruncateSuffix), core_website (SetDefaultWebsiteId, ProductAlertStoreId),
//                    core_store_group (ProductAlertStoreId, StoreGroupCode), core_store (Synonym).
//  * sourceLookup(): sales_flat_quote_item (QuoteMultiAddressStoreId), catalog_product_bundle_option and
//                    catalog_product_bundle_selection (BundleParentProduct, per its params),
//                    catalog_product_entity_media_gallery (Gallery\SetEntityId).
//  * addDestinationRow(): catalog_product_entity_media_gallery_value_to_entity (Gallery\InsertValueToEntity),
//                    search_synonyms (Synonym).
//  * classMap():     ClassMap, Placeholder, EavAttribute\ConvertModel, Rule\SerializedData.
//  * option():       "edition_migrate" (Gallery\InsertValueToEntity), "crypt_key" and
//                    "destination_crypt_key" (Encrypt).
// Handlers call sourceRows() at most once per document and keep what they derive, so an
// implementation need not cache. Calls happen on the transforming thread only.
class HandlerEnvironment {
 public:
  virtual ~HandlerEnvironment() = default;

  // Every staged row of a small Magento 1 document, in primary-key order (upstream reads them
  // without ORDER BY, which MySQL serves in key order). Throws InputError when not staged.
  virtual std::vector<Row> sourceRows(const std::string& document) = 0;

  // `SELECT column FROM document WHERE keyColumn = key LIMIT 1` on the staged Magento 1 rows:
  // nullopt when no row matches; a row whose cell is NULL gives a NULL Value. Equality is
  // MySQL's for the key column (numeric columns compare as numbers). Throws InputError when the
  // document or a column is not staged.
  virtual std::optional<Value> sourceLookup(const std::string& document, const std::string& keyColumn,
                                            const std::string& key, const std::string& column) = 0;

  // Adds a row to another Magento 2 document while a row is transformed (side-effect handlers).
  // Upstream inserts it at once; it belongs to the same load as the row that caused it.
  virtual void addDestinationRow(const std::string& document, const std::vector<std::string>& columns,
                                 std::vector<Value> values) = 0;

  // The class map of the run (config option class_map).
  virtual const ClassMap& classMap() = 0;

  // A config.xml option, "" when unset.
  virtual std::string option(const std::string& name) = 0;
};

// Where a handler runs: the table of the record it handles (column types for Timezone, the id
// column for warnings) and the environment. Both may be absent; handlers that need one throw
// InputError naming the class and map location when it is.
struct HandlerContext {
  const Table* table = nullptr;
  HandlerEnvironment* environment = nullptr;
};

class Handler {
 public:
  explicit Handler(std::string field) : field_(std::move(field)) {}
  virtual ~Handler() = default;

  // Changes `record` (usually only the bound field); `opposite` is the other side's record.
  // Throws TransformError for a row the handler rejects; warnings go to record.warn().
  virtual void handle(Record& record, const Record& opposite) = 0;

  const std::string& field() const { return field_; }

  // A column the handler needs besides its own field, on the record it handles or on the
  // opposite record (the destination record: for a destination-side handler, the same one).
  struct ColumnUse {
    std::string name;
    bool opposite = false;
  };
  // The columns it reads (or writes) besides its field, by name; the integrity check reports
  // those a table lacks ("Source/Destination fields are missing"), since a missing one would
  // otherwise read as NULL on every row.
  virtual std::vector<ColumnUse> columnsRead() const { return {}; }

 protected:
  // Upstream's validate(): throws "<field> field not found in the record." when absent.
  void validate(const Record& record) const { record.get(field_); }

  std::string field_;
};

// Builds handlers by official class name (with or without the leading backslash).
// Throws InputError naming the class and where the map uses it when the class is unknown, a
// required param is missing, or the handler needs an environment and none is given.
std::unique_ptr<Handler> makeHandler(const HandlerSpec& spec, const std::string& field);
std::unique_ptr<Handler> makeHandler(const HandlerSpec& spec, const std::string& field, HandlerEnvironment& environment);
std::unique_ptr<Handler> makeHandler(const HandlerSpec& spec, const std::string& field, const HandlerContext& context);

// True when m2stage knows the class.
bool isKnownHandler(const std::string& className);

}  // namespace m2stage::schema
