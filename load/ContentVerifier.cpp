#include "load/ContentVerifier.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <set>
#include <unordered_map>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "load/CanonicalNumber.hpp"
#include "mariadb/Catalog.hpp"
#include "stage/RowTable.hpp"
#include "stage/Runs.hpp"

namespace m2stage::load {

namespace {

constexpr std::size_t kKeysPerQuery = 1000;
constexpr std::string_view kServerDefault{"\0m2stage:server-chosen\0", 23};

bool isOneOf(const std::string& value, std::initializer_list<const char*> options) {
  return std::any_of(options.begin(), options.end(), [&](const char* option) { return value == option; });
}

// Canonical integers compared as numbers (they may exceed 64 bits signed: BIGINT UNSIGNED).
bool integerLess(const std::string& a, const std::string& b) {
  bool negativeA = !a.empty() && a[0] == '-', negativeB = !b.empty() && b[0] == '-';
  if (negativeA != negativeB) return negativeA;
  bool less = a.size() != b.size() ? a.size() < b.size() : a < b;
  if (a == b) return false;
  return negativeA ? !less : less;
}

std::string hex(std::uint64_t value) { return fmt::format("{:016x}", value); }

}  // namespace

struct ContentVerifier::StagedRows {
  struct Entry {
    std::uint64_t hash = 0;
    std::vector<std::size_t> serverChosen;  // columns whose value the server picks (not compared)
  };
  std::unordered_map<std::string, Entry> byKey;  // normalised key -> row hash
  bool serverChosen = false;
  std::vector<std::vector<schema::Value>> keys;          // staged key values, for key lists
  std::optional<std::string> keyFrom, keyTo;
  std::uint64_t sum = 0;
  std::int64_t rows = 0;
  std::int64_t firstRowid = 0, lastRowid = -1, chunk = 0;
};

ContentVerifier::ContentVerifier(mariadb::Connection& destination, stage::StageFile& stage, std::int64_t run,
                                 std::string document, const schema::Table& table, std::string serverTable)
    : destination_(destination), stage_(stage), records_(stage), run_(run), document_(std::move(document)), table_(table),
      serverTable_(std::move(serverTable)) {
  columnNames_ = stage::RowTable(stage_, "m2", table_.name).columns();
  for (const auto& name : columnNames_) {
    const schema::Column* column = table_.find(name);
    columns_.push_back(column ? *column : schema::Column{name, "longtext", "longtext"});
    rules_.push_back(ruleFor(columns_.back()));
  }
  selectList_ = mariadb::selectList(columns_, destination_.textResults());
  for (const auto& key : table_.primaryKey) {
    auto position = std::find(columnNames_.begin(), columnNames_.end(), key);
    if (position == columnNames_.end()) {
      keyIndexes_.clear();
      break;
    }
    keyIndexes_.push_back(static_cast<std::size_t>(position - columnNames_.begin()));
  }
  integerKey_ = keyIndexes_.size() == 1 && columns_[keyIndexes_[0]].isInteger();
}

ContentVerifier::~ContentVerifier() = default;

ContentVerifier::CellRule ContentVerifier::ruleFor(const schema::Column& column) {
  CellRule rule;
  const std::string& type = column.dataType;
  // Non-strict mode stores the implicit default for NULL in a NOT NULL column (and warns); where
  // the server picks the value itself (e.g. the current time for a TIMESTAMP) it is not compared.
  if (!column.nullable) {
    rule.nullAs = column.isNumeric() ? std::string_view("0") : column.isText() ? std::string_view("") : kServerDefault;
  }
  if (column.isInteger() || isOneOf(type, {"decimal", "numeric"})) rule.form = CellRule::Form::Decimal;
  else if (type == "float") rule.form = CellRule::Form::Float;
  else if (isOneOf(type, {"double", "real"})) rule.form = CellRule::Form::Double;
  else if (type == "char") rule.form = CellRule::Form::TrimmedChar;  // CHAR gives values back without trailing spaces
  return rule;
}

schema::ValueView ContentVerifier::normalize(schema::ValueView value, std::size_t column, std::string& scratch) const {
  const CellRule& rule = rules_[column];
  if (!value) return rule.nullAs;
  switch (rule.form) {
    case CellRule::Form::Decimal: return canonicalDecimal(*value, scratch);
    case CellRule::Form::Float: return canonicalFloat(*value, true, scratch);
    case CellRule::Form::Double: return canonicalFloat(*value, false, scratch);
    case CellRule::Form::TrimmedChar: return value->substr(0, value->find_last_not_of(' ') + 1);
    case CellRule::Form::AsIs: break;
  }
  return value;
}

std::uint64_t ContentVerifier::rowHash(const std::vector<schema::ValueView>& row) {
  stage::RowChecksum checksum;
  checksum.add(row);
  return checksum.value();
}

std::string ContentVerifier::keyText(const std::vector<schema::ValueView>& normalizedRow) const {
  std::string key;
  for (std::size_t i = 0; i < keyIndexes_.size(); ++i) {
    if (i) key += '\x1f';
    const auto& value = normalizedRow[keyIndexes_[i]];
    key += value ? *value : std::string_view("\\N");
  }
  return key;
}

std::vector<schema::Value> ContentVerifier::owned(const std::vector<schema::ValueView>& row) {
  std::vector<schema::Value> values(row.size());
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i]) values[i].emplace(*row[i]);
  }
  return values;
}

void ContentVerifier::scanStaged(std::int64_t firstRowid, std::int64_t lastRowid, std::int64_t chunk,
                                 const std::function<void(const std::vector<schema::ValueView>& raw,
                                                          const std::vector<schema::ValueView>& normalized)>& visit) {
  auto skipped = records_.skipped(run_, document_, chunk);
  std::string columns;
  for (const auto& name : columnNames_) columns += ", " + stage::StageFile::quote(name);
  SQLite::Statement query(stage_.db(), fmt::format("SELECT rowid{} FROM {} WHERE rowid BETWEEN ? AND ? AND _run = ? ORDER BY rowid",
                                                   columns, stage::StageFile::quote(stage::RowTable::tableName("m2", table_.name))));
  query.bind(1, firstRowid);
  query.bind(2, lastRowid);
  query.bind(3, run_);
  // Cells are read in place (SQLite's buffers, valid until the next step): the check reads every
  // staged byte once more, so it copies none of them.
  std::vector<schema::ValueView> row(columnNames_.size()), normalized(columnNames_.size());
  std::vector<std::string> scratch(columnNames_.size());
  while (query.executeStep()) {
    if (skipped.count(query.getColumn(0).getInt64())) continue;  // a collision skipped under --auto
    for (std::size_t i = 0; i < row.size(); ++i) {
      auto cell = query.getColumn(static_cast<int>(i) + 1);
      if (cell.isNull()) {
        row[i].reset();
      } else {
        // getBlob, then getBytes: the stored bytes whatever the storage class (an INTEGER as its text).
        const char* data = static_cast<const char*>(cell.getBlob());
        row[i].emplace(data ? data : "", static_cast<std::size_t>(cell.getBytes()));
      }
      normalized[i] = normalize(row[i], i, scratch[i]);
    }
    visit(row, normalized);
  }
}

void ContentVerifier::addStaged(StagedRows& staged, const std::vector<schema::ValueView>& row,
                                const std::vector<schema::ValueView>& normalized) const {
  std::uint64_t hash = rowHash(normalized);
  staged.sum += hash;
  ++staged.rows;
  if (keyIndexes_.empty()) {
    for (const auto& value : normalized) staged.serverChosen = staged.serverChosen || value == kServerDefault;
    return;
  }
  std::string key = keyText(normalized);
  if (integerKey_) {
    if (!staged.keyFrom || integerLess(key, *staged.keyFrom)) staged.keyFrom = key;
    if (!staged.keyTo || integerLess(*staged.keyTo, key)) staged.keyTo = key;
  } else {
    if (!staged.keyFrom) staged.keyFrom = key;
    staged.keyTo = key;
    std::vector<schema::Value> keyValues;
    for (auto index : keyIndexes_) keyValues.push_back(row[index] ? schema::Value(*row[index]) : std::nullopt);
    staged.keys.push_back(std::move(keyValues));
  }
  auto& entry = staged.byKey[std::move(key)];
  entry.hash = hash;
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    if (normalized[i] == kServerDefault) entry.serverChosen.push_back(i);
  }
}

ContentVerifier::StagedRows ContentVerifier::readStaged(std::int64_t firstRowid, std::int64_t lastRowid, std::int64_t chunk) {
  StagedRows staged;
  staged.firstRowid = firstRowid;
  staged.lastRowid = lastRowid;
  staged.chunk = chunk;
  scanStaged(firstRowid, lastRowid, chunk, [&](const auto& row, const auto& normalized) { addStaged(staged, row, normalized); });
  return staged;
}

void ContentVerifier::startGathering(const stage::Chunk& chunk) {
  gathered_ = std::make_unique<StagedRows>();
  gathered_->firstRowid = chunk.firstRowid;
  gathered_->lastRowid = chunk.lastRowid;
  gathered_->chunk = chunk.number;
}

void ContentVerifier::gather(const std::vector<schema::Value>& row) {
  if (!gathered_ || keyIndexes_.empty()) return;
  gatherRow_.resize(row.size());
  gatherNormalized_.resize(row.size());
  gatherScratch_.resize(row.size());
  for (std::size_t i = 0; i < row.size(); ++i) {
    gatherRow_[i] = row[i] ? schema::ValueView(*row[i]) : std::nullopt;
    gatherNormalized_[i] = normalize(gatherRow_[i], i, gatherScratch_[i]);
  }
  addStaged(*gathered_, gatherRow_, gatherNormalized_);
}

// Names the first differing column of the row with `key` (a local re-read of the chunk, on mismatch only).
std::string ContentVerifier::describeDifference(const StagedRows& staged, const std::string& key,
                                                const std::vector<schema::Value>& loaded) {
  std::vector<schema::Value> differing;
  scanStaged(staged.firstRowid, staged.lastRowid, staged.chunk, [&](const auto&, const auto& normalized) {
    if (differing.empty() && keyText(normalized) == key) differing = owned(normalized);
  });
  if (differing.size() != loaded.size()) return "";
  auto shown = [](const schema::Value& value) {
    if (!value) return std::string("NULL");
    return "'" + (value->size() > 40 ? value->substr(0, 40) + "..." : *value) + "'";
  };
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    if (differing[i] != loaded[i])
      return fmt::format(", column {}: staged {}, Magento 2 has {}", columnNames_[i], shown(differing[i]), shown(loaded[i]));
  }
  return "";
}

Verification ContentVerifier::compare(StagedRows& staged, std::optional<std::int64_t> chunk) {
  Verification verification;
  verification.run = run_;
  verification.document = document_;
  verification.chunk = chunk;
  verification.keyFrom = staged.keyFrom;
  verification.keyTo = staged.keyTo;
  verification.rows = staged.rows;
  std::uint64_t loadedSum = 0;
  std::optional<std::string> firstDifferent;
  std::vector<schema::Value> differentRow;
  std::string table = mariadb::quoteIdentifier(serverTable_);
  auto readBack = [&](const std::string& sql) {
    auto stream = destination_.stream(sql);
    std::vector<schema::ValueView> row(columns_.size());
    std::vector<std::string> scratch(columns_.size());
    while (stream.next()) {
      for (std::size_t i = 0; i < row.size(); ++i) row[i] = normalize(stream.cell(i), i, scratch[i]);
      if (keyIndexes_.empty()) {
        loadedSum += rowHash(row);
        ++verification.loadedRows;
        continue;
      }
      auto found = staged.byKey.find(keyText(row));
      if (found == staged.byKey.end()) {
        continue;  // another chunk's row inside this key range
      }
      for (auto index : found->second.serverChosen) row[index] = kServerDefault;
      std::uint64_t hash = rowHash(row);
      ++verification.loadedRows;
      loadedSum += hash;
      if (hash != found->second.hash && !firstDifferent) {
        firstDifferent = found->first;
        differentRow = owned(row);
      }
      staged.byKey.erase(found);  // a second row with this key counts as missing
    }
  };
  if (staged.rows > 0 || keyIndexes_.empty()) {
    if (keyIndexes_.empty()) {
      readBack(fmt::format("SELECT {} FROM {}", selectList_, table));
    } else if (integerKey_) {
      std::string key = mariadb::quoteIdentifier(columnNames_[keyIndexes_[0]]);
      readBack(fmt::format("SELECT {} FROM {} WHERE {} BETWEEN {} AND {}", selectList_, table, key,
                           destination_.literal(staged.keyFrom, false), destination_.literal(staged.keyTo, false)));
    } else {
      std::string keyList;
      for (auto index : keyIndexes_) keyList += (keyList.empty() ? "" : ", ") + mariadb::quoteIdentifier(columnNames_[index]);
      for (std::size_t start = 0; start < staged.keys.size(); start += kKeysPerQuery) {
        std::string values;
        for (std::size_t r = start; r < std::min(staged.keys.size(), start + kKeysPerQuery); ++r) {
          std::string tuple;
          for (std::size_t k = 0; k < keyIndexes_.size(); ++k)
            tuple += (k ? ", " : "") + destination_.literal(staged.keys[r][k], columns_[keyIndexes_[k]].isBinary());
          values += (values.empty() ? "" : ", ") + (keyIndexes_.size() > 1 ? "(" + tuple + ")" : tuple);
        }
        readBack(fmt::format("SELECT {} FROM {} WHERE ({}) IN ({})", selectList_, table, keyList, values));
      }
    }
  }
  verification.stagedChecksum = hex(staged.sum);
  verification.loadedChecksum = hex(loadedSum);
  bool same = verification.loadedRows == staged.rows && loadedSum == staged.sum;
  if (same) {
    verification.result = "ok";
    if (keyIndexes_.empty()) verification.detail = "whole table (no usable key)";
    return verification;
  }
  std::vector<std::string> why;
  if (verification.loadedRows < staged.rows) why.push_back(fmt::format("{} staged rows missing", staged.rows - verification.loadedRows));
  if (keyIndexes_.empty() && verification.loadedRows > staged.rows)
    why.push_back(fmt::format("{} rows more than staged", verification.loadedRows - staged.rows));
  if (firstDifferent) {
    std::string shown = *firstDifferent;
    std::replace(shown.begin(), shown.end(), '\x1f', ',');
    why.push_back(fmt::format("values differ, first at key {}{}", shown, describeDifference(staged, *firstDifferent, differentRow)));
  } else if (keyIndexes_.empty() && loadedSum != staged.sum) {
    why.push_back("values differ");
  }
  std::string keys;
  for (auto index : keyIndexes_) keys += (keys.empty() ? "" : ",") + columnNames_[index];
  verification.detail = fmt::format(
      "{}{}: {}", chunk ? fmt::format("chunk {}", *chunk) : std::string("whole table (no usable key)"),
      staged.keyFrom ? fmt::format(" ({} {} .. {})", keys, *staged.keyFrom, *staged.keyTo) : std::string(),
      fmt::join(why, "; "));
  std::replace(verification.detail.begin(), verification.detail.end(), '\x1f', ',');
  if (verification.keyFrom) std::replace(verification.keyFrom->begin(), verification.keyFrom->end(), '\x1f', ',');
  if (verification.keyTo) std::replace(verification.keyTo->begin(), verification.keyTo->end(), '\x1f', ',');
  bool warned = chunk ? records_.warnings(run_, document_, *chunk) > 0 : staged.serverChosen;
  verification.result = warned ? "warned" : "mismatch";
  return verification;
}

void ContentVerifier::verifyChunk(const stage::Chunk& chunk) {
  if (keyIndexes_.empty()) return;  // compared whole, once the table is loaded
  auto gathered = std::move(gathered_);
  // The rows gathered while writing serve only when they are the whole chunk, as written.
  bool whole = gathered && gathered->chunk == chunk.number && gathered->rows == chunk.rows &&
               records_.skipped(run_, document_, chunk.number).empty();
  auto staged = whole ? std::move(*gathered) : readStaged(chunk.firstRowid, chunk.lastRowid, chunk.number);
  auto result = compare(staged, chunk.number);
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  records_.saveVerification(result);
  transaction.commit();
}

VerificationOutcome ContentVerifier::verify(bool recheck) {
  stage::Runs runs(stage_);
  auto chunks = runs.chunks(run_, "load", document_);
  std::vector<Verification> results;
  std::set<std::int64_t> stored;
  if (!recheck && !keyIndexes_.empty()) {
    for (auto& verification : records_.verifications(run_, document_)) {
      stored.insert(*verification.chunk);
      results.push_back(std::move(verification));
    }
  }
  if (keyIndexes_.empty()) {
    StagedRows all;
    for (const auto& chunk : chunks) {
      auto staged = readStaged(chunk.firstRowid, chunk.lastRowid, chunk.number);
      all.sum += staged.sum;
      all.rows += staged.rows;
      all.serverChosen = all.serverChosen || staged.serverChosen;
    }
    results.push_back(compare(all, std::nullopt));
  } else {
    for (const auto& chunk : chunks) {
      if (chunk.state != "done" || stored.contains(chunk.number)) continue;
      auto staged = readStaged(chunk.firstRowid, chunk.lastRowid, chunk.number);
      results.push_back(compare(staged, chunk.number));
    }
  }
  VerificationOutcome outcome;
  SQLite::Transaction transaction(stage_.db(), SQLite::TransactionBehavior::IMMEDIATE);
  if (recheck) records_.removeVerifications(run_, document_);
  for (const auto& result : results) {
    if (!result.chunk || !stored.contains(*result.chunk)) records_.saveVerification(result);
    ++outcome.checked;
    if (result.result == "mismatch") {
      if (!outcome.mismatches) outcome.firstMismatch = result.detail;
      ++outcome.mismatches;
    } else if (result.result == "warned") {
      ++outcome.warned;
    }
  }
  transaction.commit();
  return outcome;
}

}  // namespace m2stage::load
