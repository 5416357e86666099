#include "schema/EavMerge.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

namespace m2stage::schema {

namespace {

// Columns holding a model class: where the map left NULL (an empty or unmapped Magento 1 class),
// a matched Magento 2 row's class is kept (upstream ConvertModel and GetDestinationValue).
const std::set<std::string>& modelColumns() {
  static const std::set<std::string> columns = {
      "attribute_model", "backend_model",   "frontend_model",  "source_model", "frontend_input_renderer",
      "data_model",      "entity_model",    "increment_model", "entity_attribute_collection",
      "additional_attribute_table"};
  return columns;
}

std::int64_t idOf(const Value& value) {
  if (!value) return 0;
  try {
    return std::stoll(*value);
  } catch (const std::exception&) {
    return 0;
  }
}

const EavTable& tableOf(const EavTables& tables, const std::string& document) {
  static const EavTable empty;
  auto found = tables.find(document);
  return found == tables.end() ? empty : found->second;
}

// One pass of the merge over all documents, in reference order.
class Merger {
 public:
  Merger(const EavTables& m1, const EavTables& m2, const EavAttributeSet& ignored, EavMergeResult& result)
      : m1_(m1), m2_(m2), ignored_(ignored), result_(result) {}

  void run() {
    const auto entityTypes = mergeDocument("eav_entity_type", "entity_type_id", {"entity_type_code"}, {}, nullptr);
    mergeDocument("eav_attribute_set", "attribute_set_id", {"entity_type_id", "attribute_set_name"},
                  {{"entity_type_id", "eav_entity_type"}}, nullptr);
    // Magento 2-only entity types point at their default set, known only now.
    remapAdded("eav_entity_type", entityTypes, {{"default_attribute_set_id", "eav_attribute_set"}});
    ignoredIds_ = ignoredAttributeIds();
    auto dropIgnored = [this](const EavTable& table, std::size_t row) {
      bool drop = ignoredIds_.contains(table.at(row, "attribute_id").value_or(""));
      if (drop) ++result_.ignoredRows;
      return drop;
    };
    for (auto row : mergeDocument("eav_attribute", "attribute_id", {"entity_type_id", "attribute_code"},
                                  {{"entity_type_id", "eav_entity_type"}}, dropIgnored))
      addedAttributes_.insert(result_.merged["eav_attribute"].at(row, "attribute_id").value_or(""));
    haveProductSets_ = productSets();
    movedGroups_ = movedProductGroups();
    auto dropMoved = [this](const EavTable& table, std::size_t row) {
      bool drop = movedGroups_.contains(table.at(row, "attribute_group_id").value_or(""));
      if (drop) ++result_.groupsDropped;
      return drop;
    };
    // Groups match by name, or by code: SetGroupCode gives Magento 1's Images Magento 2's code
    // image-management, Design design. (General and Prices, coded product-details and
    // advanced-pricing, are dropped here: their attributes move.)
    mergeDocument("eav_attribute_group", "attribute_group_id", {"attribute_set_id", "attribute_group_name"},
                  {{"attribute_set_id", "eav_attribute_set"}}, dropMoved, {"attribute_set_id", "attribute_group_code"});
    addDefaultProductGroups();
    mergeDocument("eav_entity_attribute", "entity_attribute_id", {"attribute_set_id", "attribute_id"},
                  {{"entity_type_id", "eav_entity_type"},
                   {"attribute_set_id", "eav_attribute_set"},
                   {"attribute_group_id", "eav_attribute_group"},
                   {"attribute_id", "eav_attribute"}},
                  dropIgnored);
    addDefaultProductLinks();
    moveLinksOutOfMovedGroups();
    for (const char* document : {"catalog_eav_attribute", "customer_eav_attribute"})
      mergeDocument(document, "", {"attribute_id"}, {{"attribute_id", "eav_attribute"}}, dropIgnored);
    // Options and labels: Magento 1's rows (ids kept); Magento 2's only for Magento 2-only attributes.
    auto carriedOptions = carry("eav_attribute_option", "option_id", "attribute_id", "eav_attribute", addedAttributes_,
                                ignoredIds_);
    carry("eav_attribute_label", "attribute_label_id", "attribute_id", "eav_attribute", addedAttributes_, ignoredIds_);
    for (const char* document : {"eav_attribute_option_value", "eav_attribute_option_swatch"})
      carry(document, document == std::string("eav_attribute_option_value") ? "value_id" : "swatch_id", "option_id",
            "eav_attribute_option", carriedOptions, droppedOptions_);
  }

 private:
  using References = std::vector<std::pair<std::string, std::string>>;  // column, referenced document
  using Drop = std::function<bool(const EavTable&, std::size_t)>;

  std::string keyOf(const EavTable& table, const std::vector<Value>& row, const std::vector<std::string>& columns) const {
    std::string key;
    for (const auto& column : columns) {
      int index = table.index(column);
      const Value& value = index < 0 ? Value{} : row[static_cast<std::size_t>(index)];
      key += value ? "v" + *value : "n";
      key += '\x1f';
    }
    return key;
  }

  void remapRow(const EavTable& table, std::vector<Value>& row, const References& references) const {
    for (const auto& [column, document] : references) {
      int index = table.index(column);
      if (index < 0 || !row[static_cast<std::size_t>(index)]) continue;
      auto& ids = result_.remapped[document];
      auto found = ids.find(*row[static_cast<std::size_t>(index)]);
      if (found != ids.end()) row[static_cast<std::size_t>(index)] = found->second;
    }
  }

  // Merges one document; returns the indexes of the Magento 2-only rows it added.
  std::vector<std::size_t> mergeDocument(const std::string& document, const std::string& idColumn,
                                         const std::vector<std::string>& keyColumns, const References& references,
                                         const Drop& drop, const std::vector<std::string>& alternativeKey = {}) {
    const EavTable& magento1 = tableOf(m1_, document);
    const EavTable& magento2 = tableOf(m2_, document);
    if (magento1.columns.empty() && magento2.columns.empty()) return {};
    if (!magento1.columns.empty() && !magento2.columns.empty() && magento1.columns != magento2.columns)
      throw std::invalid_argument(fmt::format("EAV merge: {} has different columns on the two sides", document));
    EavTable& out = result_.merged[document];
    out.columns = magento2.columns.empty() ? magento1.columns : magento2.columns;
    int id = idColumn.empty() ? -1 : out.index(idColumn);
    std::int64_t& maxId = maxIds_[document];
    std::map<std::string, std::size_t>& byKey = keys_[document];
    std::map<std::string, std::size_t> byAlternative;
    auto alternative = [&](const std::vector<Value>& row) {
      return alternativeKey.empty() ? std::string() : keyOf(out, row, alternativeKey);
    };
    for (std::size_t row = 0; row < magento1.rows.size(); ++row) {
      // A dropped row's id stays in use: Magento 1's value rows may still name it.
      if (id >= 0) maxId = std::max(maxId, idOf(magento1.rows[row][static_cast<std::size_t>(id)]));
      if (drop && drop(magento1, row)) continue;
      out.rows.push_back(magento1.rows[row]);
      out.assigned.push_back(magento1.assigned.empty() ? std::vector<bool>(out.columns.size(), true) : magento1.assigned[row]);
      byKey.emplace(keyOf(out, out.rows.back(), keyColumns), out.rows.size() - 1);
      if (!alternativeKey.empty()) byAlternative.emplace(alternative(out.rows.back()), out.rows.size() - 1);
    }
    const auto& models = modelColumns();
    std::vector<std::size_t> added;
    for (auto row : magento2.rows) {
      Value original = id >= 0 ? row[static_cast<std::size_t>(id)] : Value{};
      remapRow(out, row, references);
      auto found = byKey.find(keyOf(out, row, keyColumns));
      if (found == byKey.end() && !alternativeKey.empty()) {
        auto other = byAlternative.find(alternative(row));
        if (other != byAlternative.end()) found = byKey.find(keyOf(out, out.rows[other->second], keyColumns));
      }
      if (found != byKey.end()) {
        auto& merged = out.rows[found->second];
        auto& assigned = out.assigned[found->second];
        for (std::size_t column = 0; column < out.columns.size(); ++column) {
          bool model = models.contains(out.columns[column]) && !merged[column] && row[column];
          bool key = std::find(keyColumns.begin(), keyColumns.end(), out.columns[column]) != keyColumns.end();
          if ((!assigned[column] || model) && !key) merged[column] = row[column];
          assigned[column] = true;
        }
        if (id >= 0 && original) result_.remapped[document][*original] = merged[static_cast<std::size_t>(id)].value_or("");
        continue;
      }
      if (id >= 0) {
        row[static_cast<std::size_t>(id)] = std::to_string(++maxId);
        if (original) result_.remapped[document][*original] = *row[static_cast<std::size_t>(id)];
      }
      ++result_.newRows;
      out.rows.push_back(std::move(row));
      out.assigned.emplace_back(out.columns.size(), true);
      byKey.emplace(keyOf(out, out.rows.back(), keyColumns), out.rows.size() - 1);
      if (!alternativeKey.empty()) byAlternative.emplace(alternative(out.rows.back()), out.rows.size() - 1);
      added.push_back(out.rows.size() - 1);
    }
    return added;
  }

  void remapAdded(const std::string& document, const std::vector<std::size_t>& rows, const References& references) {
    auto found = result_.merged.find(document);
    if (found == result_.merged.end()) return;
    for (auto row : rows) remapRow(found->second, found->second.rows[row], references);
  }

  // Magento 1 group ids of the groups General, Prices and Recurring Profile of Magento 1's product
  // sets; none when Magento 2's default product set has no Product Details group to move them to.
  std::set<std::string> movedProductGroups() const {
    if (!haveProductSets_) return {};
    const EavTable& groups2 = tableOf(m2_, "eav_attribute_group");
    bool details = false;
    for (std::size_t row = 0; row < groups2.rows.size() && !details; ++row)
      details = groups2.at(row, "attribute_set_id") == Value{defaultSet2_} && isProductDetails(groups2, row);
    if (!details) return {};
    std::set<std::string> moved;
    const EavTable& groups1 = tableOf(m1_, "eav_attribute_group");
    for (std::size_t row = 0; row < groups1.rows.size(); ++row)
      if (productSets1_.contains(groups1.at(row, "attribute_set_id").value_or("")) &&
          eavMovedProductGroups().contains(groups1.at(row, "attribute_group_name").value_or("")))
        moved.insert(groups1.at(row, "attribute_group_id").value_or(""));
    return moved;
  }

  static bool isProductDetails(const EavTable& groups, std::size_t row) {
    return (groups.index("attribute_group_code") >= 0 && groups.at(row, "attribute_group_code") == Value{"product-details"}) ||
           groups.at(row, "attribute_group_name") == Value{"Product Details"};
  }

  // The links left in a dropped General, Prices or Recurring Profile group: an attribute Magento 2's
  // default set places goes to that group of the set (Magento 2's sort order), as upstream builds
  // the sets from Magento 2's default one; any other (a Magento 1 attribute) goes to the set's
  // Product Details with its sort order + 200 (upstream getCustomAttributeSortOrder).
  void moveLinksOutOfMovedGroups() {
    if (movedGroups_.empty()) return;
    EavTable& links = result_.merged["eav_entity_attribute"];
    const EavTable& groups = result_.merged["eav_attribute_group"];
    int set = links.index("attribute_set_id"), group = links.index("attribute_group_id");
    int attribute = links.index("attribute_id"), sort = links.index("sort_order");
    std::map<std::string, std::string> details;  // set -> its Product Details group
    for (std::size_t row = 0; row < groups.rows.size(); ++row)
      if (isProductDetails(groups, row))
        details.emplace(groups.at(row, "attribute_set_id").value_or(""), groups.at(row, "attribute_group_id").value_or(""));
    std::map<std::string, std::pair<std::string, Value>> placement;  // merged attribute -> merged group, sort order
    const EavTable& links2 = tableOf(m2_, "eav_entity_attribute");
    for (auto row : links2.rows) {
      if (row[static_cast<std::size_t>(set)] != Value{defaultSet2_}) continue;
      remapRow(links, row, {{"attribute_group_id", "eav_attribute_group"}, {"attribute_id", "eav_attribute"}});
      placement.emplace(row[static_cast<std::size_t>(attribute)].value_or(""),
                        std::make_pair(row[static_cast<std::size_t>(group)].value_or(""), row[static_cast<std::size_t>(sort)]));
    }
    for (auto& row : links.rows) {
      if (!movedGroups_.contains(row[static_cast<std::size_t>(group)].value_or(""))) continue;
      const std::string target = row[static_cast<std::size_t>(set)].value_or("");
      auto placed = placement.find(row[static_cast<std::size_t>(attribute)].value_or(""));
      std::optional<std::string> inSet;
      if (placed != placement.end()) {
        if (target == defaultSetMerged_) inSet = placed->second.first;
        else if (auto found = groupIn_[target].find(placed->second.first); found != groupIn_[target].end())
          inSet = found->second;
      }
      if (inSet) {
        row[static_cast<std::size_t>(group)] = *inSet;
        row[static_cast<std::size_t>(sort)] = placed->second.second;
      } else if (auto found = details.find(target); found != details.end()) {
        row[static_cast<std::size_t>(group)] = found->second;
        row[static_cast<std::size_t>(sort)] = std::to_string(idOf(row[static_cast<std::size_t>(sort)]) + 200);
      } else {
        continue;
      }
      ++result_.linksMoved;
    }
  }

  // Options, option values, labels and swatches: each row belongs to a parent (attribute or
  // option). Magento 1's rows are kept with their ids unless the parent is in `droppedParents`;
  // Magento 2's rows are carried, with a new id and the parent's merged id, only when the parent is
  // in `carriedParents` (merged ids); the others are counted as dropped. Returns the merged ids of
  // the carried rows; the ids of the Magento 1 options left out go to droppedOptions_.
  std::set<std::string> carry(const std::string& document, const std::string& idColumn, const std::string& parentColumn,
                              const std::string& parentDocument, const std::set<std::string>& carriedParents,
                              const std::set<std::string>& droppedParents) {
    const EavTable& magento1 = tableOf(m1_, document);
    const EavTable& magento2 = tableOf(m2_, document);
    std::set<std::string> carried;
    if (magento1.columns.empty() && magento2.columns.empty()) return carried;
    if (!magento1.columns.empty() && !magento2.columns.empty() && magento1.columns != magento2.columns)
      throw std::invalid_argument(fmt::format("EAV merge: {} has different columns on the two sides", document));
    EavTable& out = result_.merged[document];
    out.columns = magento2.columns.empty() ? magento1.columns : magento2.columns;
    if (out.index(idColumn) < 0 || out.index(parentColumn) < 0)
      throw std::invalid_argument(fmt::format("EAV merge: {} has no column {} or {}", document, idColumn, parentColumn));
    auto id = static_cast<std::size_t>(out.index(idColumn)), parent = static_cast<std::size_t>(out.index(parentColumn));
    std::int64_t& maxId = maxIds_[document];
    for (const auto& row : magento1.rows) {
      maxId = std::max(maxId, idOf(row[id]));
      if (droppedParents.contains(row[parent].value_or(""))) {
        ++result_.ignoredRows;
        if (document == "eav_attribute_option") droppedOptions_.insert(row[id].value_or(""));
        continue;
      }
      out.rows.push_back(row);
    }
    const auto& parents = result_.remapped[parentDocument];
    for (auto row : magento2.rows) {
      auto merged = parents.find(row[parent].value_or(""));
      if (merged == parents.end() || !carriedParents.contains(merged->second)) {
        ++result_.magento2RowsDropped[document];
        continue;
      }
      row[parent] = merged->second;
      std::string newId = std::to_string(++maxId);
      if (row[id]) result_.remapped[document][*row[id]] = newId;
      row[id] = newId;
      carried.insert(newId);
      out.rows.push_back(std::move(row));
      ++result_.newRows;
    }
    out.assigned.assign(out.rows.size(), std::vector<bool>(out.columns.size(), true));
    return carried;
  }

  // Magento 1 attribute ids of the attributes eav-attribute-groups.xml ignores.
  std::set<std::string> ignoredAttributeIds() const {
    std::map<std::string, std::string> codes;  // Magento 1 entity_type_id -> entity_type_code
    const EavTable& types = tableOf(m1_, "eav_entity_type");
    for (std::size_t row = 0; row < types.rows.size(); ++row)
      codes[types.at(row, "entity_type_id").value_or("")] = types.at(row, "entity_type_code").value_or("");
    std::set<std::string> ids;
    const EavTable& attributes = tableOf(m1_, "eav_attribute");
    for (std::size_t row = 0; row < attributes.rows.size(); ++row) {
      std::pair<std::string, std::string> key{codes[attributes.at(row, "entity_type_id").value_or("")],
                                              attributes.at(row, "attribute_code").value_or("")};
      if (ignored_.contains(key)) ids.insert(attributes.at(row, "attribute_id").value_or(""));
    }
    return ids;
  }

  // The merged id of catalog_product, Magento 2's default product set (its Magento 2 id and its
  // merged id), and the Magento 1 product sets. False when either side has no product type.
  bool productSets() {
    auto productType = [](const EavTable& types) -> const std::vector<Value>* {
      for (std::size_t row = 0; row < types.rows.size(); ++row)
        if (types.at(row, "entity_type_code") == Value{"catalog_product"}) return &types.rows[row];
      return nullptr;
    };
    const EavTable& types2 = tableOf(m2_, "eav_entity_type");
    const EavTable& types1 = tableOf(m1_, "eav_entity_type");
    auto* type2 = productType(types2);
    auto* type1 = productType(types1);
    if (!type2 || !type1) return false;
    productTypeId_ = (*type1)[static_cast<std::size_t>(types1.index("entity_type_id"))].value_or("");
    defaultSet2_ = (*type2)[static_cast<std::size_t>(types2.index("default_attribute_set_id"))].value_or("");
    defaultSetMerged_ = result_.remapped["eav_attribute_set"].contains(defaultSet2_)
                            ? result_.remapped["eav_attribute_set"][defaultSet2_] : "";
    sets1_.clear();
    productSets1_.clear();
    const EavTable& sets = tableOf(m1_, "eav_attribute_set");
    for (std::size_t row = 0; row < sets.rows.size(); ++row) {
      auto set = sets.at(row, "attribute_set_id").value_or("");
      if (sets.at(row, "entity_type_id") != Value{productTypeId_}) continue;
      productSets1_.insert(set);
      if (set != defaultSetMerged_) sets1_.push_back(set);
    }
    return true;
  }

  // Each group of Magento 2's default product set, copied into every other Magento 1 product set
  // that has no group of that name or code. groupIn_[set][merged group id] = the group in `set`.
  void addDefaultProductGroups() {
    if (!haveProductSets_) return;
    const EavTable& groups2 = tableOf(m2_, "eav_attribute_group");
    EavTable& out = result_.merged["eav_attribute_group"];
    if (groups2.columns.empty()) return;
    int id = out.index("attribute_group_id"), set = out.index("attribute_set_id"), name = out.index("attribute_group_name");
    int code = out.index("attribute_group_code");
    std::vector<std::vector<Value>> defaults;  // merged rows of Magento 2's default groups
    const auto& remapped = result_.remapped["eav_attribute_group"];
    for (std::size_t row = 0; row < groups2.rows.size(); ++row) {
      if (groups2.at(row, "attribute_set_id") != Value{defaultSet2_}) continue;
      auto merged = remapped.find(groups2.at(row, "attribute_group_id").value_or(""));
      if (merged == remapped.end()) continue;
      for (const auto& candidate : out.rows)
        if (candidate[static_cast<std::size_t>(id)] == Value{merged->second}) defaults.push_back(candidate);
    }
    for (const auto& target : sets1_) {
      for (const auto& group : defaults) {
        const auto& groupId = *group[static_cast<std::size_t>(id)];
        std::optional<std::string> existing;
        for (const auto& row : out.rows) {
          if (row[static_cast<std::size_t>(set)] != Value{target}) continue;
          bool sameName = row[static_cast<std::size_t>(name)] == group[static_cast<std::size_t>(name)];
          bool sameCode = code >= 0 && row[static_cast<std::size_t>(code)] && row[static_cast<std::size_t>(code)] == group[static_cast<std::size_t>(code)];
          if (sameName || sameCode) existing = row[static_cast<std::size_t>(id)];
          if (sameName) break;
        }
        if (existing) {
          groupIn_[target][groupId] = *existing;
          continue;
        }
        auto copy = group;
        copy[static_cast<std::size_t>(id)] = std::to_string(++maxIds_["eav_attribute_group"]);
        copy[static_cast<std::size_t>(set)] = target;
        groupIn_[target][groupId] = *copy[static_cast<std::size_t>(id)];
        out.rows.push_back(std::move(copy));
        out.assigned.emplace_back(out.columns.size(), true);
        ++result_.groupsAdded;
      }
    }
  }

  // Each attribute link of Magento 2's default product set, added to every other Magento 1
  // product set that lacks the attribute, in the set's group of the same name.
  void addDefaultProductLinks() {
    if (groupIn_.empty()) return;
    const EavTable& links2 = tableOf(m2_, "eav_entity_attribute");
    EavTable& out = result_.merged["eav_entity_attribute"];
    if (links2.columns.empty()) return;
    int id = out.index("entity_attribute_id"), type = out.index("entity_type_id"), set = out.index("attribute_set_id");
    int group = out.index("attribute_group_id");
    auto& byKey = keys_["eav_entity_attribute"];
    for (const auto& target : sets1_) {
      for (auto row : links2.rows) {
        if (row[static_cast<std::size_t>(set)] != Value{defaultSet2_}) continue;
        remapRow(out, row, {{"attribute_group_id", "eav_attribute_group"}, {"attribute_id", "eav_attribute"}});
        auto mappedGroup = groupIn_[target].find(row[static_cast<std::size_t>(group)].value_or(""));
        if (mappedGroup == groupIn_[target].end()) continue;
        row[static_cast<std::size_t>(type)] = productTypeId_;
        row[static_cast<std::size_t>(set)] = target;
        row[static_cast<std::size_t>(group)] = mappedGroup->second;
        std::string key = keyOf(out, row, {"attribute_set_id", "attribute_id"});
        if (byKey.contains(key)) continue;
        row[static_cast<std::size_t>(id)] = std::to_string(++maxIds_["eav_entity_attribute"]);
        out.rows.push_back(std::move(row));
        out.assigned.emplace_back(out.columns.size(), true);
        byKey.emplace(key, out.rows.size() - 1);
        ++result_.linksAdded;
      }
    }
  }

  const EavTables& m1_;
  const EavTables& m2_;
  const EavAttributeSet& ignored_;
  EavMergeResult& result_;
  std::map<std::string, std::int64_t> maxIds_;
  std::map<std::string, std::map<std::string, std::size_t>> keys_;
  std::set<std::string> ignoredIds_;
  std::set<std::string> addedAttributes_;  // merged ids of Magento 2-only attributes
  std::set<std::string> movedGroups_;      // Magento 1's General, Prices, Recurring Profile product groups
  std::set<std::string> droppedOptions_;   // Magento 1 options of ignored attributes
  bool haveProductSets_ = false;
  std::string productTypeId_, defaultSet2_, defaultSetMerged_;
  std::vector<std::string> sets1_;         // Magento 1 product sets but the one Magento 2's default matched
  std::set<std::string> productSets1_;     // every Magento 1 product set
  std::map<std::string, std::map<std::string, std::string>> groupIn_;
};

}  // namespace

int EavTable::index(const std::string& column) const {
  auto found = std::find(columns.begin(), columns.end(), column);
  return found == columns.end() ? -1 : static_cast<int>(found - columns.begin());
}

const Value& EavTable::at(std::size_t row, const std::string& column) const {
  int found = index(column);
  if (found < 0) throw std::out_of_range("EAV table has no column " + column);
  return rows.at(row)[static_cast<std::size_t>(found)];
}

const std::vector<std::string>& eavMergedDocuments() {
  static const std::vector<std::string> documents = {
      "eav_entity_type",       "eav_attribute_set",      "eav_attribute",        "eav_attribute_group",
      "eav_entity_attribute",  "catalog_eav_attribute",  "customer_eav_attribute", "eav_attribute_option",
      "eav_attribute_option_value", "eav_attribute_label", "eav_attribute_option_swatch"};
  return documents;
}

const std::set<std::string>& eavMovedProductGroups() {
  static const std::set<std::string> groups = {"General", "Prices", "Recurring Profile"};
  return groups;
}

EavMerge::EavMerge(EavTables magento1, EavTables magento2, EavAttributeSet ignored)
    : m1_(std::move(magento1)), m2_(std::move(magento2)), ignored_(std::move(ignored)) {}

EavMergeResult EavMerge::merge() const {
  EavMergeResult result;
  Merger(m1_, m2_, ignored_, result).run();
  for (auto& [document, table] : result.merged) table.assigned.clear();
  return result;
}

std::vector<EavIssue> EavMerge::unmappedClasses(const EavTable& attributes, const EavTable& entityTypes,
                                                const ClassMap& classMap, const EavAttributeSet& ignored) {
  std::map<std::string, std::string> codes;
  for (std::size_t row = 0; row < entityTypes.rows.size(); ++row)
    codes[entityTypes.at(row, "entity_type_id").value_or("")] = entityTypes.at(row, "entity_type_code").value_or("");
  std::vector<EavIssue> issues;
  for (std::size_t row = 0; row < attributes.rows.size(); ++row) {
    std::pair<std::string, std::string> key{codes[attributes.at(row, "entity_type_id").value_or("")],
                                            attributes.at(row, "attribute_code").value_or("")};
    if (ignored.contains(key)) continue;
    for (const char* field : {"source_model", "backend_model", "frontend_model"}) {
      if (attributes.index(field) < 0) continue;
      const Value& value = attributes.at(row, field);
      if (!value || value->empty() || classMap.has(*value)) continue;
      issues.push_back({"eav_attribute", field,
                        fmt::format("Incompatibility in data. Source document: eav_attribute. Field: {}. Error: Class {} "
                                    "is not mapped in record attribute_id={}",
                                    field, *value, attributes.at(row, "attribute_id").value_or("NULL"))});
    }
  }
  return issues;
}

}  // namespace m2stage::schema
