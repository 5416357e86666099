#include "extract/ChangeLogNames.hpp"

#include <cctype>
#include <cstdint>
#include <stdexcept>

#include <fmt/format.h>

#include "schema/TablePrefix.hpp"

namespace m2stage::extract {

namespace {

constexpr std::string_view kChangeLogPrefix = "m2_cl_";

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// 32-bit FNV-1a: small, dependency-free and stable across platforms; only used to keep
// shortened names distinct, not for security.
std::uint32_t fnv1a(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

}  // namespace

ChangeLogNames::ChangeLogNames(std::string sourcePrefix) : prefix_(std::move(sourcePrefix)) {}

std::string ChangeLogNames::table(const std::string& document) const { return schema::withPrefix(document, prefix_); }

std::string ChangeLogNames::changeLog(const std::string& document) const {
  if (prefix_.size() + kChangeLogPrefix.size() >= kMaxIdentifier)
    throw std::invalid_argument(fmt::format("source prefix \"{}\" is too long for change-log table names", prefix_));
  std::string name = std::string(kChangeLogPrefix) + schema::withoutPrefix(document, prefix_);
  return prefix_ + name.substr(0, kMaxIdentifier - prefix_.size());
}

std::string ChangeLogNames::trigger(const std::string& document, TriggerEvent event) const {
  std::string suffix = "_after_" + lowercase(std::string(keyword(event)));
  std::string tableName = lowercase(table(document));
  std::string name = "trg_" + tableName + suffix;
  if (name.size() <= kMaxIdentifier) return name;
  std::string hash = fmt::format("_{:08x}", fnv1a(name));
  std::size_t room = kMaxIdentifier - 4 - hash.size() - suffix.size();
  return "trg_" + tableName.substr(0, room) + hash + suffix;
}

std::string_view ChangeLogNames::keyword(TriggerEvent event) {
  switch (event) {
    case TriggerEvent::Insert:
      return "INSERT";
    case TriggerEvent::Update:
      return "UPDATE";
    case TriggerEvent::Delete:
      return "DELETE";
  }
  return "INSERT";
}

}  // namespace m2stage::extract
