// Calendar arithmetic in UTC for the date handlers (no time zone database needed): epoch seconds
// to "Y-m-d H:i:s" and back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace m2stage::schema::handlers {

std::string formatUtc(std::int64_t epochSeconds);
// Parses "YYYY-MM-DD HH:MM:SS" (or a bare date); nullopt for anything else.
std::optional<std::int64_t> parseUtc(const std::string& text);

}  // namespace m2stage::schema::handlers
