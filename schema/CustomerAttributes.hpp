// The Customer Attributes step's configuration: the official customer-document-groups.xml
// (which tables the step moves, their keys, the EAV entity type each belongs to) and
// customer-attribute-groups.xml (per entity table, the attributes that are static columns of
// that table in Magento 2). Pure: reads the two files, no database.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "schema/DocumentGroups.hpp"

namespace m2stage::schema {

class CustomerAttributes {
 public:
  // Throws InputError for a missing or malformed file, or a source document that belongs to no
  // entity type of `eav_entities`.
  static CustomerAttributes load(const std::filesystem::path& documentGroupsFile,
                                 const std::filesystem::path& attributeGroupsFile);

  // The Magento 1 documents the step moves (group source_documents), in file order, with keys.
  const std::vector<GroupDocument>& sourceDocuments() const { return sourceDocuments_; }
  bool handles(const std::string& document) const;
  // Entity tables (key entity_id: customer_entity, customer_address_entity); the others are
  // value tables (key value_id).
  bool isEntityDocument(const std::string& document) const;
  // The EAV entity type code of a document ("customer", "customer_address"), or nullopt.
  std::optional<std::string> entityTypeOf(const std::string& document) const;
  // The entity table of an entity type, or nullopt.
  std::optional<std::string> entityDocumentOf(const std::string& entityType) const;
  // The attribute codes that are static columns of an entity table in Magento 2, in file order.
  std::vector<std::string> staticAttributes(const std::string& entityDocument) const;
  // The entity types (group eav_entities), in file order.
  std::vector<std::string> entityTypes() const;

 private:
  std::vector<GroupDocument> sourceDocuments_;
  std::vector<std::pair<std::string, std::string>> documentTypes_;             // document -> entity type
  std::vector<std::pair<std::string, std::vector<std::string>>> attributes_;   // entity document -> codes
  std::vector<std::string> entityTypes_;
};

}  // namespace m2stage::schema
