#include "schema/MapSuggestion.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include <fmt/format.h>

namespace m2stage::schema {

namespace {

std::string escapeXml(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// "--" may not appear inside an XML comment.
std::string commentText(std::string text) {
  for (auto at = text.find("--"); at != std::string::npos; at = text.find("--", at)) text.replace(at, 2, "- -");
  return text;
}

// Known Magento 1 -> Magento 2 renamings of name parts, applied in order.
std::string magento2Spelling(std::string name) {
  static const std::pair<const char*, const char*> kRewrites[] = {
      {"sales_flat_quote", "quote"}, {"sales_flat_", "sales_"}, {"hidden_tax", "discount_tax_compensation"}};
  if (name.starts_with("core_")) name.erase(0, 5);
  for (const auto& [from, to] : kRewrites) {
    auto at = name.find(from);
    if (at != std::string::npos) name.replace(at, std::string_view(from).size(), to);
  }
  return name;
}

// The closest candidate to `name` among `candidates`, with its reason; ties go to the first in
// name order.
std::optional<std::pair<std::string, std::string>> closest(const std::string& name, const std::set<std::string>& candidates) {
  std::optional<std::pair<std::string, std::string>> best;
  std::size_t bestDistance = std::string::npos;
  for (const auto& candidate : candidates) {
    auto why = MapSuggestion::closeness(name, candidate);
    if (!why) continue;
    std::size_t distance = editDistance(magento2Spelling(name), candidate);
    if (distance < bestDistance) {
      best = std::make_pair(candidate, *why);
      bestDistance = distance;
    }
  }
  return best;
}

struct Pair {
  std::string source, destination;
};

}  // namespace

std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> MapSuggestion::closeness(const std::string& magento1, const std::string& magento2) {
  if (magento1 == magento2) return "same name";
  std::string spelled = magento2Spelling(magento1);
  if (spelled == magento2) return fmt::format("{} is {} in Magento 2 spelling", magento1, magento2);
  if (magento1.size() < 5 || magento2.size() < 5) return std::nullopt;
  std::size_t distance = editDistance(magento1, magento2);
  if (distance <= 2) return fmt::format("{} and {} differ by {} character{}", magento1, magento2, distance, distance == 1 ? "" : "s");
  return std::nullopt;
}

std::string SuggestedRule::xml() const {
  const char* tag = fieldRule ? "field" : "document";
  switch (kind) {
    case Kind::Ignore:
      return fmt::format("<ignore><{0}>{1}</{0}></ignore>", tag, escapeXml(name));
    case Kind::Rename:
      return fmt::format("<rename><document>{}</document><to>{}</to></rename>", escapeXml(name), escapeXml(to));
    case Kind::Move:
      return fmt::format("<move><field>{}</field><to>{}</to></move>", escapeXml(name), escapeXml(to));
    case Kind::Carry:
      break;
  }
  // Nothing to add: a comment saying which rule to drop.
  return fmt::format("<!-- carry {} as is: remove the rule that sends it to {} -->", commentText(name), commentText(to));
}

MapSuggestion MapSuggestion::compute(const MapRules& map, const Catalog& source, const Catalog& destination) {
  MapSuggestion suggestion;
  auto& rules = suggestion.rules_;
  // Documents neither ignored nor paired with a table on the other side.
  std::set<std::string> lonelySource, lonelyDestination;
  std::vector<Pair> pairs;
  for (const auto& [name, table] : source) {
    if (map.isDocumentIgnored(name, Side::Source)) continue;
    auto mapped = map.documentMap(name, Side::Source);
    if (mapped && destination.count(*mapped)) {
      pairs.push_back({name, *mapped});
    } else if (mapped && *mapped != name && destination.count(name)) {
      rules.push_back({Side::Source, false, SuggestedRule::Kind::Carry, name, *mapped,
                       fmt::format("Magento 2 has {} under the same name, but not {}", name, *mapped)});
      pairs.push_back({name, name});
    } else {
      lonelySource.insert(name);
    }
  }
  for (const auto& [name, table] : destination) {
    if (map.isDocumentIgnored(name, Side::Destination)) continue;
    auto mapped = map.documentMap(name, Side::Destination);
    if (!mapped || !source.count(*mapped)) lonelyDestination.insert(name);
  }
  for (const auto& name : lonelySource) {
    if (auto match = closest(name, lonelyDestination)) {
      rules.push_back({Side::Source, false, SuggestedRule::Kind::Rename, name, match->first,
                       "names match closely: " + match->second});
      pairs.push_back({name, match->first});
      lonelyDestination.erase(match->first);
    } else {
      rules.push_back({Side::Source, false, SuggestedRule::Kind::Ignore, name, "",
                       fmt::format("Magento 2 has no table named like {} ({} columns): keep it out, or map it by hand",
                                   name, source.at(name).columns.size())});
    }
  }
  for (const auto& name : lonelyDestination) {
    rules.push_back({Side::Destination, false, SuggestedRule::Kind::Ignore, name, "",
                     "Magento 1 has no table named like it: Magento 2 keeps what it has"});
  }
  // Fields of paired documents.
  for (const auto& [sourceName, destinationName] : pairs) {
    const Table& from = source.at(sourceName);
    const Table& to = destination.at(destinationName);
    std::vector<std::string> lonelyFrom;
    std::set<std::string> lonelyTo;
    // A destination table the map ignores has no field rules to suggest (and fieldMap refuses it).
    bool destinationIgnored = map.isDocumentIgnored(destinationName, Side::Destination);
    for (const auto& column : destinationIgnored ? std::vector<Column>{} : to.columns) {
      auto mapped = map.fieldMap(destinationName, column.name, Side::Destination);
      if (mapped && !from.has(*mapped)) lonelyTo.insert(column.name);
    }
    for (const auto& column : from.columns) {
      auto mapped = map.fieldMap(sourceName, column.name, Side::Source);
      if (!mapped || to.has(*mapped)) continue;
      if (*mapped != column.name && to.has(column.name)) {
        rules.push_back({Side::Source, true, SuggestedRule::Kind::Carry, sourceName + "." + column.name,
                         destinationName + "." + *mapped,
                         fmt::format("{} has {} under the same name", destinationName, column.name)});
        lonelyTo.erase(column.name);  // the same rule names it from the Magento 2 side too
        continue;
      }
      lonelyFrom.push_back(column.name);
    }
    for (const auto& field : lonelyFrom) {
      std::string key = sourceName + "." + field;
      if (auto match = closest(field, lonelyTo)) {
        rules.push_back({Side::Source, true, SuggestedRule::Kind::Move, key, destinationName + "." + match->first,
                         "names match closely: " + match->second});
        lonelyTo.erase(match->first);
      } else {
        rules.push_back({Side::Source, true, SuggestedRule::Kind::Ignore, key, "",
                         fmt::format("{} has no column named like it: its values are left behind", destinationName)});
      }
    }
    for (const auto& field : lonelyTo) {
      const Column* column = to.find(field);
      std::string fill = column->autoIncrement ? "AUTO_INCREMENT"
                         : column->defaultValue ? "its DEFAULT " + *column->defaultValue
                         : column->nullable     ? "NULL"
                                                : "the type's empty value";
      rules.push_back({Side::Destination, true, SuggestedRule::Kind::Ignore, destinationName + "." + field, "",
                       fmt::format("{} has no column named like it: rows get {}", sourceName, fill)});
    }
  }
  std::stable_sort(rules.begin(), rules.end(), [](const SuggestedRule& a, const SuggestedRule& b) {
    return std::tie(a.side, a.fieldRule, a.name) < std::tie(b.side, b.fieldRule, b.name);
  });
  return suggestion;
}

std::string MapSuggestion::toXml() const {
  std::string out;
  for (Side side : {Side::Source, Side::Destination}) {
    std::string blocks;
    for (bool fieldRules : {false, true}) {
      std::string block;
      for (const auto& rule : rules_) {
        if (rule.side != side || rule.fieldRule != fieldRules) continue;
        block += fmt::format("      <!-- {} -->\n", commentText(rule.why));
        block += fmt::format("      {}\n", rule.xml());
      }
      if (block.empty()) continue;
      const char* tag = fieldRules ? "field_rules" : "document_rules";
      blocks += fmt::format("    <{0}>\n{1}    </{0}>\n", tag, block);
    }
    if (!blocks.empty()) out += fmt::format("  <{0}>\n{1}  </{0}>\n", sideName(side), blocks);
  }
  return out;
}

}  // namespace m2stage::schema
