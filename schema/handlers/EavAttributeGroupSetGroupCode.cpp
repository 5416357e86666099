#include "schema/handlers/EavAttributeGroupSetGroupCode.hpp"

#include <cctype>
#include <string>

namespace m2stage::schema::handlers {

namespace {

// Lowercase ASCII spelling of a UTF-8 letter with diacritics, or nullptr.
const char* transliterate(unsigned codePoint) {
  static const std::map<unsigned, const char*> table = [] {
    std::map<unsigned, const char*> entries;
    const char* latin1 =  // U+00C0..U+00FF
        "a\0a\0a\0a\0a\0a\0ae\0c\0e\0e\0e\0e\0i\0i\0i\0i\0d\0n\0o\0o\0o\0o\0o\0\0o\0u\0u\0u\0u\0y\0th\0ss\0"
        "a\0a\0a\0a\0a\0a\0ae\0c\0e\0e\0e\0e\0i\0i\0i\0i\0d\0n\0o\0o\0o\0o\0o\0\0o\0u\0u\0u\0u\0y\0th\0y\0";
    for (unsigned cp = 0xc0; cp <= 0xff; ++cp) {
      if (*latin1) entries[cp] = latin1;
      latin1 += std::char_traits<char>::length(latin1) + 1;
    }
    // U+0100..U+017F come in upper/lower pairs mostly; list the base letters in order.
    const char* extendedA =
        "a\0a\0a\0a\0a\0a\0c\0c\0c\0c\0c\0c\0c\0c\0d\0d\0d\0d\0e\0e\0e\0e\0e\0e\0e\0e\0e\0e\0"
        "g\0g\0g\0g\0g\0g\0g\0g\0h\0h\0h\0h\0i\0i\0i\0i\0i\0i\0i\0i\0i\0i\0ij\0ij\0j\0j\0k\0k\0k\0"
        "l\0l\0l\0l\0l\0l\0l\0l\0l\0l\0n\0n\0n\0n\0n\0n\0n\0n\0n\0o\0o\0o\0o\0o\0o\0oe\0oe\0"
        "r\0r\0r\0r\0r\0r\0s\0s\0s\0s\0s\0s\0s\0s\0t\0t\0t\0t\0t\0t\0u\0u\0u\0u\0u\0u\0u\0u\0"
        "u\0u\0u\0u\0w\0w\0y\0y\0y\0z\0z\0z\0z\0z\0z\0s\0";
    for (unsigned cp = 0x100; cp <= 0x17f; ++cp) {
      entries[cp] = extendedA;
      extendedA += std::char_traits<char>::length(extendedA) + 1;
    }
    return entries;
  }();
  auto found = table.find(codePoint);
  return found == table.end() ? nullptr : found->second;
}

std::string slug(const std::string& name) {
  std::string lowered;
  for (std::size_t i = 0; i < name.size();) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      lowered += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    // Two-byte UTF-8 covers every code point the table knows.
    if ((c & 0xe0) == 0xc0 && i + 1 < name.size()) {
      unsigned codePoint = ((c & 0x1fu) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3fu);
      if (const char* ascii = transliterate(codePoint)) {
        lowered += ascii;
        i += 2;
        continue;
      }
    }
    lowered += '?';
    ++i;
  }
  std::string code;
  bool dash = false;
  for (char c : lowered) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !code.empty()) code += '-';
      dash = false;
      code += c;
    } else {
      dash = true;
    }
  }
  return code.empty() ? "d41d8cd98f00b204e9800998ecf8427e" : code;  // md5("")
}

}  // namespace

std::string EavAttributeGroupSetGroupCode::codeOf(const std::string& groupName, const std::string& entityTypeCode) {
  static const std::map<std::string, std::string> kProductGroups = {
      {"General", "product-details"}, {"Prices", "advanced-pricing"}, {"Design", "design"}, {"Images", "image-management"}};
  std::string original = groupName.rfind("Migration_", 0) == 0 ? groupName.substr(10) : groupName;
  if (entityTypeCode == "catalog_product") {
    auto found = kProductGroups.find(original);
    if (found != kProductGroups.end()) return found->second;
  }
  return slug(groupName);
}

void EavAttributeGroupSetGroupCode::handle(Record& record, const Record&) {
  validate(record);
  if (!entityTypeBySet_) {
    std::map<std::string, std::string> codeByType;
    for (auto& type : environment_.sourceRows("eav_entity_type"))
      codeByType[type["entity_type_id"].value_or("")] = type["entity_type_code"].value_or("");
    entityTypeBySet_.emplace();
    for (auto& set : environment_.sourceRows("eav_attribute_set"))
      (*entityTypeBySet_)[set["attribute_set_id"].value_or("")] = codeByType[set["entity_type_id"].value_or("")];
  }
  std::string entityType;
  auto found = entityTypeBySet_->find(record.valueOf("attribute_set_id").value_or(""));
  if (found != entityTypeBySet_->end()) entityType = found->second;
  record.set(field_, codeOf(record.valueOf("attribute_group_name").value_or(""), entityType));
}

}  // namespace m2stage::schema::handlers
