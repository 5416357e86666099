// For one EAV entity type of the Customer step: which Magento 1 attributes are static columns of
// the entity table in Magento 2, by attribute id (from Magento 1's eav_attribute). It decides the
// split of the value tables: a value row of a static attribute goes into the entity row's column
// and is not copied as a value row; other value rows are copied. Pure.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace m2stage::schema {

class CustomerStaticAttributes {
 public:
  struct Attribute {
    std::int64_t id = 0;
    std::string code;
    std::string backendType;  // varchar, int, datetime, decimal, text, static
  };

  CustomerStaticAttributes() = default;
  // `attributes`: the entity type's Magento 1 attributes; `staticCodes`: the codes that are
  // static columns in Magento 2 (customer-attribute-groups.xml for the entity table).
  CustomerStaticAttributes(const std::vector<Attribute>& attributes, const std::vector<std::string>& staticCodes);

  // Whether a value row of this attribute moves into the entity row (and is not copied).
  bool isStatic(std::int64_t attributeId) const { return codes_.contains(attributeId); }
  // The static attribute's code (the Magento 2 column), or "" for any other attribute.
  const std::string& codeOf(std::int64_t attributeId) const;
  // The static attributes per Magento 1 value table suffix ("varchar" -> ids): where to read them.
  // Attributes Magento 1 keeps in the entity table itself (backend_type static) are not listed.
  const std::map<std::string, std::vector<std::int64_t>>& idsByBackendType() const { return byType_; }
  // Static codes Magento 1 does not have for this entity type (the column then gets its default).
  const std::vector<std::string>& missing() const { return missing_; }
  // Static codes found, in the order given.
  const std::vector<std::string>& codes() const { return found_; }

 private:
  std::map<std::int64_t, std::string> codes_;
  std::map<std::string, std::vector<std::int64_t>> byType_;
  std::vector<std::string> missing_, found_;
};

}  // namespace m2stage::schema
