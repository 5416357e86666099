// The handlers' view of the world during transform: Magento 1 lookups answered from the run's
// staged rows ("m1.<document>"), rows for other Magento 2 documents collected for the chunk in
// hand, the class map and the config options.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "schema/Config.hpp"
#include "schema/Handler.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::transform {

class StagedHandlerEnvironment : public schema::HandlerEnvironment {
 public:
  StagedHandlerEnvironment(stage::StageFile& stage, std::int64_t run, const schema::Config& config);

  std::vector<schema::Row> sourceRows(const std::string& document) override;
  std::optional<schema::Value> sourceLookup(const std::string& document, const std::string& keyColumn,
                                            const std::string& key, const std::string& column) override;
  void addDestinationRow(const std::string& document, const std::vector<std::string>& columns,
                         std::vector<schema::Value> values) override;
  const schema::ClassMap& classMap() override;
  std::string option(const std::string& name) override;

  // Rows added by side-effect handlers since the last call, per Magento 2 document.
  struct ExtraRows {
    std::vector<std::string> columns;
    std::vector<std::vector<schema::Value>> rows;
  };
  std::map<std::string, ExtraRows> takeExtraRows();

 private:
  std::string stagedTable(const std::string& document);

  stage::StageFile& stage_;
  std::int64_t run_;
  const schema::Config& config_;
  std::optional<schema::ClassMap> classMap_;
  std::set<std::string> indexed_;
  std::map<std::string, ExtraRows> extra_;
};

}  // namespace m2stage::transform
