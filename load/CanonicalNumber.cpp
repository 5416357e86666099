#include "load/CanonicalNumber.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>

#include <fmt/format.h>

namespace m2stage::load {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view canonicalDecimal(std::string_view text, std::string& scratch) {
  std::size_t position = 0;
  while (position < text.size() && text[position] == ' ') ++position;
  bool negative = false;
  if (position < text.size() && (text[position] == '-' || text[position] == '+')) negative = text[position++] == '-';
  std::size_t wholeFrom = position;
  while (position < text.size() && isDigit(text[position])) ++position;
  std::string_view whole = text.substr(wholeFrom, position - wholeFrom), fraction;
  if (position < text.size() && text[position] == '.') {
    std::size_t fractionFrom = ++position;
    while (position < text.size() && isDigit(text[position])) ++position;
    fraction = text.substr(fractionFrom, position - fractionFrom);
  }
  if (position != text.size() || (whole.empty() && fraction.empty())) return text;
  bool zero = whole.find_first_not_of('0') == std::string_view::npos && fraction.find_first_not_of('0') == std::string_view::npos;
  fraction = fraction.substr(0, fraction.find_last_not_of('0') + 1);
  // Usually the canonical form is the text without its trailing zeros ("12.5000" -> "12.5"): a view.
  bool plainStart = wholeFrom == (negative ? 1u : 0u) && (text[0] != '-' || !zero) && (text[0] != '+');
  if (plainStart && !whole.empty() && (whole[0] != '0' || whole.size() == 1)) {
    std::size_t end = fraction.empty() ? wholeFrom + whole.size() : static_cast<std::size_t>(fraction.data() + fraction.size() - text.data());
    return text.substr(0, end);
  }
  whole.remove_prefix(std::min(whole.find_first_not_of('0'), whole.size()));
  scratch.clear();
  if (negative && !(whole.empty() && fraction.empty())) scratch += '-';
  if (whole.empty()) scratch += '0';
  else scratch += whole;
  if (!fraction.empty()) {
    scratch += '.';
    scratch += fraction;
  }
  return scratch;
}

std::string_view canonicalFloat(std::string_view text, bool single, std::string& scratch) {
  if (text.empty()) return text;
  scratch.assign(text);
  char* end = nullptr;
  double value = std::strtod(scratch.c_str(), &end);
  if (end != scratch.c_str() + scratch.size()) return text;
  scratch.clear();
  if (value == 0) scratch = "0";
  else if (single) fmt::format_to(std::back_inserter(scratch), "{}", static_cast<float>(value));
  else fmt::format_to(std::back_inserter(scratch), "{}", value);
  return scratch;
}

}  // namespace m2stage::load
