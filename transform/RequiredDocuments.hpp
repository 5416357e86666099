// The Magento 2 documents a transform needs besides the map's document pairs, so that those
// Magento 2 lacks are reported before any row is transformed, as the official message 2
// ("Destination documents are missing: a,b"). Upstream's Log, SalesIncrement and Inventory
// integrity stages list the tables their step writes the same way. Here they are:
//  * settings mode: core_config_data, which the Settings step merges into;
//  * the Url Rewrite step, when the step list names it: url_rewrite and
//    catalog_url_rewrite_product_category;
//  * the documents the map's side-effect handlers write rows into (Gallery\InsertValueToEntity,
//    Synonym), when the map transforms the document their rule is on.
// A map document whose mapped name Magento 2 lacks is not in the list: the map check reports it
// as "Source documents are not mapped" (message 3), as upstream does.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "schema/MapRules.hpp"
#include "schema/Table.hpp"

namespace m2stage::transform {

struct DocumentNeeds {
  bool settings = false;                  // the Settings step runs (settings mode)
  bool urlRewrite = false;                // the step list names the Url Rewrite step
  const schema::MapRules* map = nullptr;  // the Map step's map (null: the step does not run)
};

// The needed documents Magento 2 lacks, sorted, each once. Catalogs by unprefixed name.
std::vector<std::string> missingDestinationDocuments(const DocumentNeeds& needs,
                                                     const std::map<std::string, schema::Table>& source,
                                                     const std::map<std::string, schema::Table>& destination);

// The Magento 2 document a side-effect handler class writes rows into; "" for other handlers.
// Mirrors the addDestinationRow() list in schema/Handler.hpp.
std::string handlerOutputDocument(const schema::HandlerSpec& spec);

}  // namespace m2stage::transform
