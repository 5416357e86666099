#include "load/InfileLoader.hpp"

#include <algorithm>
#include <cstring>

namespace m2stage::load {

InfileLoader::InfileLoader(mariadb::Connection& connection, const std::string& serverTable,
                           const std::vector<std::string>& columns)
    : connection_(connection) {
  std::string targets;
  for (std::size_t i = 0; i < columns.size(); ++i) targets += (i ? "," : "") + mariadb::quoteIdentifier(columns[i]);
  statement_ = "LOAD DATA LOCAL INFILE 'm2stage-rows' INTO TABLE " + mariadb::quoteIdentifier(serverTable) +
               " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" +
               targets + ")";
}

void InfileLoader::encodeRow(const std::vector<schema::Value>& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) pending_ += '\t';
    if (!row[i]) {
      pending_ += "\\N";
      continue;
    }
    // Copy runs of plain bytes at once; escape the four that LOAD DATA treats specially.
    const std::string& value = *row[i];
    std::size_t plain = 0;
    for (std::size_t at = 0; at < value.size(); ++at) {
      const char* escaped = nullptr;
      switch (value[at]) {
        case '\\': escaped = "\\\\"; break;
        case '\t': escaped = "\\t"; break;
        case '\n': escaped = "\\n"; break;
        case '\0': escaped = "\\0"; break;
        default: continue;
      }
      pending_.append(value, plain, at - plain);
      pending_ += escaped;
      plain = at + 1;
    }
    pending_.append(value, plain, std::string::npos);
  }
  pending_ += '\n';
}

std::uint64_t InfileLoader::load(stage::RowTable::Reader& reader,
                                 const std::function<void(const std::vector<schema::Value>&)>& sent) {
  pending_.clear();
  pendingOffset_ = 0;
  bool more = true;
  return connection_.loadLocalInfile(statement_, [&](char* buffer, std::size_t capacity) -> std::size_t {
    // Refill with whole rows until there is enough to hand over (or the rows run out).
    while (more && pending_.size() - pendingOffset_ < capacity) {
      if (pendingOffset_ > 0) {
        pending_.erase(0, pendingOffset_);
        pendingOffset_ = 0;
      }
      more = reader.next();
      if (!more) break;
      encodeRow(reader.values());
      if (sent) sent(reader.values());
    }
    std::size_t count = std::min(capacity, pending_.size() - pendingOffset_);
    std::memcpy(buffer, pending_.data() + pendingOffset_, count);
    pendingOffset_ += count;
    return count;
  });
}

bool isLocalInfileRefused(const mariadb::DatabaseError& error) {
  // 1148 ER_NOT_ALLOWED_COMMAND, 2068 CR_LOAD_DATA_LOCAL_INFILE_REJECTED, 4166 ER_LOAD_INFILE_CAPABILITY_DISABLED
  return error.code() == 1148 || error.code() == 2068 || error.code() == 4166;
}

}  // namespace m2stage::load
