#include "schema/handlers/StoreGroupCode.hpp"

#include <algorithm>
#include <cctype>
#include <random>

#include <fmt/format.h>

#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

std::string StoreGroupCode::codeOf(const std::string& name) {
  std::string underscored;
  for (std::size_t i = 0; i < name.size();) {
    if (std::isspace(static_cast<unsigned char>(name[i]))) {
      while (i < name.size() && std::isspace(static_cast<unsigned char>(name[i]))) ++i;
      underscored += '_';
    } else {
      underscored += name[i++];
    }
  }
  std::string code;
  for (char c : underscored) {
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '-' || lower == '_') code += lower;
  }
  auto letter = std::find_if(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return std::string(letter, code.end());
}

void StoreGroupCode::handle(Record& record, const Record&) {
  validate(record);
  if (!codes_) {
    codes_.emplace();
    std::vector<std::string> names;
    std::mt19937_64 random{std::random_device{}()};
    for (auto& group : environment_.sourceRows("core_store_group")) {
      std::string name = group["name"].value_or("");
      std::string code = codeOf(name);
      bool duplicate = std::any_of(names.begin(), names.end(), [&](const std::string& seen) { return php::looseEquals(seen, name); });
      if (duplicate) {
        code += fmt::format("-{:016x}{:016x}", random(), random());  // upstream: md5(mt_rand())
        record.warn(fmt::format("Duplicated code in {}.{} Record id {}", record.document(), field_, group["group_id"].value_or("")));
      }
      names.push_back(name);
      codes_->emplace_back(group["group_id"].value_or(""), code);
    }
  }
  std::string code;
  Value id = record.valueOf("group_id");
  for (const auto& [groupId, candidate] : *codes_) {
    if (php::looseEquals(Value(groupId), id)) {
      code = candidate;
      break;
    }
  }
  record.set(field_, code.empty() ? "store_group" : code);
}

}  // namespace m2stage::schema::handlers
