// Table prefixes (source_prefix, dest_prefix): map rules and group files use unprefixed names.
#pragma once

#include <string>

namespace m2stage::schema {

// Adds the prefix unless the name already starts with it (as upstream).
inline std::string withPrefix(const std::string& name, const std::string& prefix) {
  return prefix.empty() || name.starts_with(prefix) ? name : prefix + name;
}

inline std::string withoutPrefix(const std::string& name, const std::string& prefix) {
  return !prefix.empty() && name.starts_with(prefix) ? name.substr(prefix.size()) : name;
}

}  // namespace m2stage::schema
