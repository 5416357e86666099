#include "schema/handlers/EavAttributeConvertConfigurableAttribute.hpp"

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

namespace {

std::vector<std::string> explode(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (true) {
    auto comma = text.find(',', start);
    items.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) return items;
    start = comma + 1;
  }
}

// implode(',', explode(',', mine) + explode(',', theirs))
std::string unionByPosition(const std::string& mine, const std::string& theirs) {
  auto items = explode(mine);
  auto more = explode(theirs);
  for (std::size_t i = items.size(); i < more.size(); ++i) items.push_back(more[i]);
  std::string joined;
  for (std::size_t i = 0; i < items.size(); ++i) joined += (i ? "," : "") + items[i];
  return joined;
}

}  // namespace

void EavAttributeConvertConfigurableAttribute::handle(Record& record, const Record& opposite) {
  validate(record);
  Value mine = record.get(field_);
  Value theirs = opposite.valueOf(field_);
  if (php::truthy(mine) && php::truthy(theirs)) {
    record.set(field_, unionByPosition(*mine, *theirs));
  } else if (!php::truthy(mine) && php::truthy(theirs)) {
    record.set(field_, theirs);
  } else if (!php::truthy(mine) || php::truthy(record.valueOf("is_configurable"))) {
    record.set(field_, std::nullopt);
  }
}

}  // namespace m2stage::schema::handlers
