// The Customer Attributes step (official Migration\Step\Customer\Integrity|Data|Volume) over the
// staging file: customer_entity, customer_address_entity and their typed value tables, under
// customer_map_file. Attributes that are static columns in Magento 2 (customer_attribute_groups_file)
// are read from the staged Magento 1 value tables into the entity rows, chunk by chunk through an
// index on the staged value table, and their value rows are not copied; password hashes get their
// Magento 2 version (upgrade_customer_password_hash), and every account whose hash Magento 2
// cannot verify becomes a `password_reset` finding. After load, markStaticAttributes sets
// backend_type = 'static' for those attributes in Magento 2's eav_attribute, as upstream.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/AuditTrail.hpp"
#include "audit/Finding.hpp"
#include "audit/IntegrityCheck.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Config.hpp"
#include "schema/CustomerAttributes.hpp"
#include "schema/Handler.hpp"
#include "schema/MapRules.hpp"
#include "schema/Table.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::transform {

// The finding kind of an account whose password hash Magento 2 cannot verify.
inline constexpr const char* kPasswordReset = "password_reset";

class CustomerStep {
 public:
  // The step's three config options (as config.xml.dist names them).
  static const std::vector<std::string>& optionNames();
  // The options among them the config lacks (the step runs only when none is missing).
  static std::vector<std::string> missingOptions(const schema::Config& config);
  // nullopt when an option is missing; throws InputError for a bad file.
  static std::optional<CustomerStep> forConfig(const schema::Config& config);

  const schema::CustomerAttributes& attributes() const { return attributes_; }
  const schema::MapRules& map() const { return map_; }
  bool handles(const std::string& document) const { return attributes_.handles(document); }
  // What extract must stage for the step: its documents, and eav_attribute and eav_entity_type
  // (the attribute ids and backend types of the static attributes).
  std::set<std::string> stagedDocuments() const;
  // The files to keep with the run (name, path).
  std::vector<std::pair<std::string, std::filesystem::path>> files() const;

  // Customer\Integrity: the customer map against the step's documents and their Magento 2 tables.
  std::vector<audit::Finding> checkIntegrity(const audit::Catalog& source, const audit::Catalog& destination,
                                             bool autoResolve) const;

  struct DocumentResult {
    bool ready = true;  // false: a document the entity rows read from is not fully extracted yet
    std::int64_t rowsIn = 0, rowsOut = 0;
  };
  // Transforms one staged document of the step (the chunks not transformed yet) into
  // "m2.<target>", and records its progress, detail and audit events.
  DocumentResult transform(stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                           const schema::Table& source, const std::map<std::string, schema::Table>& destinationTables,
                           schema::HandlerEnvironment* environment) const;

  // Accounts of the run whose password hash Magento 2 cannot verify (password_reset findings).
  static std::int64_t passwordResets(stage::StageFile& stage, std::int64_t run);

  // After load: backend_type = 'static' in Magento 2's eav_attribute for the attributes that are
  // static columns (by entity type code). Returns the rows the server changed.
  std::uint64_t markStaticAttributes(mariadb::Connection& destination, const std::string& prefix) const;

 private:
  CustomerStep(schema::CustomerAttributes attributes, schema::MapRules map, bool upgradePasswords,
               std::vector<std::pair<std::string, std::filesystem::path>> files)
      : attributes_(std::move(attributes)), map_(std::move(map)), upgradePasswords_(upgradePasswords),
        files_(std::move(files)) {}

  schema::CustomerAttributes attributes_;
  schema::MapRules map_;
  bool upgradePasswords_ = true;
  std::vector<std::pair<std::string, std::filesystem::path>> files_;
};

}  // namespace m2stage::transform
