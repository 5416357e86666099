#include "schema/CustomerStaticAttributes.hpp"

#include <algorithm>

namespace m2stage::schema {

CustomerStaticAttributes::CustomerStaticAttributes(const std::vector<Attribute>& attributes,
                                                   const std::vector<std::string>& staticCodes) {
  for (const auto& code : staticCodes) {
    auto attribute = std::find_if(attributes.begin(), attributes.end(), [&](const Attribute& a) { return a.code == code; });
    if (attribute == attributes.end()) {
      missing_.push_back(code);
      continue;
    }
    found_.push_back(code);
    codes_[attribute->id] = code;
    if (attribute->backendType != "static") byType_[attribute->backendType].push_back(attribute->id);
  }
}

const std::string& CustomerStaticAttributes::codeOf(std::int64_t attributeId) const {
  static const std::string none;
  auto found = codes_.find(attributeId);
  return found == codes_.end() ? none : found->second;
}

}  // namespace m2stage::schema
