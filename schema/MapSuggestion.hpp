// Proposed map.xml rules for what a map leaves unmapped between two schemas: every Magento 1
// and Magento 2 document and field that the integrity check would report as "not mapped".
// Each rule carries a reason. Names that match closely are paired (<rename>, <move>); the rest
// are ignored. Pure: it reads the map and two catalogs and prints XML.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "schema/MapRules.hpp"
#include "schema/Table.hpp"

namespace m2stage::schema {

struct SuggestedRule {
  enum class Kind { Ignore, Rename, Move, Carry };
  Side side = Side::Source;
  bool fieldRule = false;  // field_rules (else document_rules)
  Kind kind = Kind::Ignore;
  std::string name;        // "document" or "document.field"
  std::string to;          // rename/move target ("document" or "document.field"); empty otherwise
  std::string why;         // one line, for the XML comment

  std::string xml() const;  // the rule element, on one line
};

class MapSuggestion {
 public:
  using Catalog = std::map<std::string, Table>;

  // The rules for every unmapped document and field of `source` (Magento 1) and `destination`
  // (Magento 2) under `map`, in name order within each block.
  static MapSuggestion compute(const MapRules& map, const Catalog& source, const Catalog& destination);

  // How close two names are: the reason they may be the same thing, or nullopt. Close means the
  // same after a known Magento 1 -> 2 renaming (core_ dropped, sales_flat_quote -> quote,
  // sales_flat_ -> sales_, hidden_tax -> discount_tax_compensation), or at most two single-character
  // edits apart when both names have at least 5 characters.
  static std::optional<std::string> closeness(const std::string& magento1, const std::string& magento2);

  const std::vector<SuggestedRule>& rules() const { return rules_; }
  bool empty() const { return rules_.empty(); }
  // Pasteable fragments: <source> and <destination>, each with <document_rules> and <field_rules>
  // holding the rules with a comment before each.
  std::string toXml() const;

 private:
  std::vector<SuggestedRule> rules_;
};

// Single-character insertions, deletions and substitutions that turn `a` into `b`.
std::size_t editDistance(const std::string& a, const std::string& b);

}  // namespace m2stage::schema
