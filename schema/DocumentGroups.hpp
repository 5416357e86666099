// An official groups file (deltalog.xml, *-document-groups.xml): named groups of documents,
// each document with its key columns.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace m2stage::schema {

struct GroupDocument {
  std::string group;
  std::string name;
  std::vector<std::string> key;  // from key="a,b"; empty when absent
};

class DocumentGroups {
 public:
  static DocumentGroups load(const std::filesystem::path& path);

  const std::vector<GroupDocument>& documents() const { return documents_; }
  std::vector<GroupDocument> group(const std::string& name) const;
  // Every document once, in first-seen order; when listed twice the last key wins (as upstream).
  std::vector<GroupDocument> flattened() const;

 private:
  std::vector<GroupDocument> documents_;
};

}  // namespace m2stage::schema
