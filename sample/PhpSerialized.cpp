#include "sample/PhpSerialized.hpp"

#include <fmt/format.h>

namespace m2stage::sample {

std::string PhpSerialized::string(std::string_view value) { return fmt::format("s:{}:\"{}\";", value.size(), value); }

std::string PhpSerialized::integer(std::int64_t value) { return fmt::format("i:{};", value); }

std::string PhpSerialized::array(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string text = fmt::format("a:{}:{{", entries.size());
  for (const auto& [key, value] : entries) text += key + value;
  return text + "}";
}

}  // namespace m2stage::sample
