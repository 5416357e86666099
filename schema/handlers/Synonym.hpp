// \Migration\Handler\Synonym: when F (catalogsearch_query.synonym_for) is truthy, adds to search_synonyms
// {synonyms: F + '"<query_text>",', store_id, website_id of that store in core_store ("0" when
// unknown)}. F itself is unchanged.
#pragma once

#include <optional>
#include <vector>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class Synonym : public Handler {
 public:
  // The Magento 2 document the rows it adds go to.
  static constexpr const char* kOutputDocument = "search_synonyms";

  Synonym(std::string field, HandlerEnvironment& environment) : Handler(std::move(field)), environment_(environment) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{"store_id"}, {"query_text"}}; }

 private:
  HandlerEnvironment& environment_;
  std::optional<std::vector<Row>> stores_;
};

}  // namespace m2stage::schema::handlers
