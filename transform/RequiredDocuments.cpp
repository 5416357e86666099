#include "transform/RequiredDocuments.hpp"

#include <set>

#include "schema/StepList.hpp"
#include "schema/handlers/GalleryInsertValueToEntity.hpp"
#include "schema/handlers/Synonym.hpp"
#include "transform/UrlRewriteStep.hpp"

namespace m2stage::transform {

namespace {

using schema::Side;
using Catalog = std::map<std::string, schema::Table>;

// Whether the map transforms `document` of `side`, so that its handlers run: a source document
// that is there, not ignored, and whose mapped name Magento 2 has (as transform decides); a
// destination document that is there and the mapped name of such a source document.
bool transformed(const schema::MapRules& map, const std::string& document, Side side, const Catalog& source,
                 const Catalog& destination) {
  if (side == Side::Destination) {
    auto origin = map.documentMap(document, Side::Destination);
    return destination.contains(document) && origin && transformed(map, *origin, Side::Source, source, destination);
  }
  if (!source.contains(document) || map.isDocumentIgnored(document, Side::Source)) return false;
  auto target = map.documentMap(document, Side::Source);
  return target && destination.contains(*target);
}

}  // namespace

std::string handlerOutputDocument(const schema::HandlerSpec& spec) {
  static const std::map<std::string, std::string> outputs = {
      {"Migration\\Handler\\Gallery\\InsertValueToEntity", schema::handlers::GalleryInsertValueToEntity::kOutputDocument},
      {"Migration\\Handler\\Synonym", schema::handlers::Synonym::kOutputDocument},
  };
  auto found = outputs.find(spec.className);
  return found == outputs.end() ? "" : found->second;
}

std::vector<std::string> missingDestinationDocuments(const DocumentNeeds& needs, const Catalog& source,
                                                     const Catalog& destination) {
  std::set<std::string> needed;
  if (needs.settings) needed.insert(schema::kConfigDocument);
  if (needs.urlRewrite) needed.insert(UrlRewriteStep::kDestinationDocuments.begin(), UrlRewriteStep::kDestinationDocuments.end());
  if (needs.map) {
    for (const auto& [target, spec] : needs.map->allHandlers()) {
      std::string output = handlerOutputDocument(spec);
      auto dot = target.find('.');
      if (output.empty() || dot == std::string::npos) continue;
      std::string document = target.substr(0, dot), field = target.substr(dot + 1);
      for (Side side : {Side::Source, Side::Destination}) {
        bool onThisSide = false;
        for (const auto& rule : needs.map->handlers(document, field, side))
          onThisSide = onThisSide || rule.className == spec.className;
        if (onThisSide && transformed(*needs.map, document, side, source, destination)) needed.insert(output);
      }
    }
  }
  std::vector<std::string> missing;
  for (const auto& document : needed) {
    if (!destination.contains(document)) missing.push_back(document);
  }
  return missing;
}

}  // namespace m2stage::transform
