// \Migration\Handler\EavAttribute\ConvertModel: maps a model alias (frontend/backend/source model)
// through the class map. An empty F takes the opposite record's non-empty value; an empty or
// unmapped F becomes NULL.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class EavAttributeConvertModel : public Handler {
 public:
  EavAttributeConvertModel(std::string field, const ClassMap& classMap) : Handler(std::move(field)), classMap_(classMap) {}
  void handle(Record& record, const Record& opposite) override;

 private:
  const ClassMap& classMap_;
};

}  // namespace m2stage::schema::handlers
