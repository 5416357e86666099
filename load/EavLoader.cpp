#include "load/EavLoader.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "load/LoadRecords.hpp"
#include "load/Loader.hpp"
#include "mariadb/Connection.hpp"
#include "schema/EavMerge.hpp"
#include "schema/TablePrefix.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"

namespace m2stage::load {

namespace {

constexpr const char* kStep = "eav";
constexpr std::size_t kStatementBytes = 1 << 20;

// The columns that identify a merged row: its id and the codes it was matched by.
const std::map<std::string, std::vector<std::string>>& identity() {
  static const std::map<std::string, std::vector<std::string>> columns = {
      {"eav_entity_type", {"entity_type_id", "entity_type_code"}},
      {"eav_attribute_set", {"attribute_set_id", "entity_type_id", "attribute_set_name"}},
      {"eav_attribute", {"attribute_id", "entity_type_id", "attribute_code"}},
      {"eav_attribute_group", {"attribute_group_id", "attribute_set_id", "attribute_group_name"}},
      {"eav_entity_attribute", {"entity_attribute_id", "attribute_set_id", "attribute_group_id", "attribute_id"}},
      {"catalog_eav_attribute", {"attribute_id"}},
      {"customer_eav_attribute", {"attribute_id"}},
      {"eav_attribute_option", {"option_id", "attribute_id"}},
      {"eav_attribute_option_value", {"value_id", "option_id", "store_id"}},
      {"eav_attribute_label", {"attribute_label_id", "attribute_id", "store_id"}},
      {"eav_attribute_option_swatch", {"swatch_id", "option_id", "store_id"}},
  };
  return columns;
}

std::string joined(const std::vector<schema::Value>& values) {
  std::string text;
  for (const auto& value : values) text += (value ? "'" + *value + "'" : "NULL") + std::string("|");
  return text;
}

}  // namespace

EavLoader::EavLoader(const schema::Config& config, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run)
    : config_(config), stage_(stage), audit_(audit), run_(run) {}

EavLoader::Outcome EavLoader::load(bool reset) {
  stage::Runs runs(stage_);
  std::map<std::string, stage::DocumentProgress> staged;
  for (auto& document : runs.documents(run_, kStep)) staged.emplace(document.document, std::move(document));
  Outcome outcome;
  if (staged.empty()) return outcome;
  bool loaded = true;
  for (const auto& [name, document] : staged) {
    loaded = loaded && document.state == "done";
    outcome.rows += document.rows;
    ++outcome.documents;
  }
  if (loaded && !reset) {
    outcome.loadedBefore = true;
    return outcome;
  }

  auto schema = runs.loadSchema(run_, "m2");
  std::string prefix = config_.prefix(schema::Side::Destination);
  mariadb::Connection destination(config_.database(schema::Side::Destination), config_.initStatements(schema::Side::Destination));
  destination.execute("SET SESSION SQL_MODE='NO_AUTO_VALUE_ON_ZERO'");
  audit_.record(run_, "load.eav.start", "", outcome.rows,
                fmt::format("{} EAV tables replaced in one transaction", outcome.documents));
  std::vector<audit::Finding> findings;
  destination.execute("START TRANSACTION");
  try {
    for (const auto& name : schema::eavMergedDocuments()) {
      if (!staged.contains(name)) continue;
      std::string serverTable = mariadb::quoteIdentifier(schema::withPrefix(name, prefix));
      const auto& table = schema.at(name);
      auto columns = stage::RowTable(stage_, "eav", name).columns();
      std::string list;
      std::vector<bool> binary;
      for (const auto& column : columns) {
        list += (list.empty() ? "" : ", ") + mariadb::quoteIdentifier(column);
        const auto* described = table.find(column);
        binary.push_back(described && described->isBinary());
      }
      destination.execute("DELETE FROM " + serverTable);
      std::string select;
      for (const auto& column : columns) select += (select.empty() ? "" : ", ") + stage::StageFile::quote(column);
      SQLite::Statement read(stage_.db(), fmt::format("SELECT {} FROM {} WHERE _run = ? ORDER BY rowid", select,
                                                      stage::StageFile::quote(stage::RowTable::tableName("eav", name))));
      read.bind(1, run_);
      std::string head = fmt::format("INSERT INTO {} ({}) VALUES ", serverTable, list), statement;
      std::set<std::string> expected;
      const auto& keys = identity().at(name);
      std::vector<std::size_t> keyIndexes;
      for (const auto& key : keys)
        keyIndexes.push_back(static_cast<std::size_t>(std::find(columns.begin(), columns.end(), key) - columns.begin()));
      schema::Value cell;
      while (read.executeStep()) {
        std::string values;
        std::vector<schema::Value> identityValues;
        for (std::size_t column = 0; column < columns.size(); ++column) {
          stage::RowTable::readCell(read, static_cast<int>(column), cell);
          values += (column ? ", " : "") + destination.literal(cell, binary[column]);
          for (std::size_t key = 0; key < keyIndexes.size(); ++key)
            if (keyIndexes[key] == column) identityValues.push_back(cell);
        }
        expected.insert(joined(identityValues));
        statement += (statement.empty() ? head : ", ") + "(" + values + ")";
        if (statement.size() > kStatementBytes) {
          destination.execute(statement);
          statement.clear();
        }
      }
      if (!statement.empty()) destination.execute(statement);

      // Eav\Volume: the ids and codes Magento 2 now has are those transform computed.
      std::string keyList;
      for (const auto& key : keys) keyList += (keyList.empty() ? "" : ", ") + mariadb::quoteIdentifier(key);
      std::set<std::string> present;
      for (auto& row : destination.query(fmt::format("SELECT {} FROM {}", keyList, serverTable)))
        present.insert(joined(std::vector<schema::Value>(row.begin(), row.end())));
      std::vector<std::string> missing;
      for (const auto& row : expected)
        if (!present.contains(row)) missing.push_back(row);
      if (missing.empty() && present.size() == expected.size()) continue;
      std::string message =
          name == "eav_attribute" && !missing.empty()
              ? fmt::format("Source and Destination attributes mismatch. Attribute id:{}", missing.front())
              : fmt::format("Mismatch of entities in the document: {} Source: {} Destination: {}", name, expected.size(),
                            present.size());
      findings.push_back({"volume_mismatch", "destination", name, fmt::format("{}", fmt::join(keys, ",")), message,
                          audit::Severity::Error});
    }
    if (!findings.empty()) throw VerificationFailed(findings.front().message);
    destination.execute("COMMIT");
  } catch (const std::exception& error) {
    try {
      destination.execute("ROLLBACK");
    } catch (const std::exception&) {
      // The server rolls back an open transaction when the connection closes.
    }
    SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
    LoadRecords records(stage_);
    for (const auto& [name, document] : staged) {
      records.removeFindings(run_, name, "volume_mismatch");
      runs.setDocument(run_, kStep, {name, name, "failed", fmt::format("rolled back: {}", error.what()), document.rows});
    }
    for (const auto& finding : findings) {
      spdlog::error("{}", finding.message);
      records.addFinding(run_, finding);
    }
    audit_.record(run_, "load.eav.rolled_back", "", 0,
                  fmt::format("Magento 2's EAV tables are unchanged: {}", error.what()));
    transaction.commit();
    throw;
  }
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  LoadRecords records(stage_);
  for (const auto& [name, document] : staged) {
    records.removeFindings(run_, name, "volume_mismatch");
    runs.setDocument(run_, kStep, {name, name, "done", "written in one transaction; ids and codes verified", document.rows});
  }
  audit_.record(run_, "load.eav.end", "", outcome.rows,
                fmt::format("ok: {} EAV tables replaced and verified", outcome.documents));
  transaction.commit();
  spdlog::info("load: {} merged EAV rows into {} tables", outcome.rows, outcome.documents);
  return outcome;
}

}  // namespace m2stage::load
