// \Migration\Handler\SerializeToJson\ConvertWithConditions: as SerializeToJson, but only on rows whose
// conditionalField matches the PCRE conditionalFieldValuesPattern ("/.../flags"; only the i flag is
// supported). ignoreBrokenData (default true; PHP truthiness, so "false" is true) picks warning+NULL
// over failing. A row without the conditional field, or with it NULL, fails as upstream's validate().
#pragma once

#include <regex>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class SerializeToJsonConvertWithConditions : public Handler {
 public:
  SerializeToJsonConvertWithConditions(std::string field, std::string idColumn, std::string conditionalField,
                                       std::regex pattern, bool ignoreBrokenData)
      : Handler(std::move(field)), idColumn_(std::move(idColumn)), conditionalField_(std::move(conditionalField)),
        pattern_(std::move(pattern)), ignoreBrokenData_(ignoreBrokenData) {}
  void handle(Record& record, const Record& opposite) override;
  std::vector<ColumnUse> columnsRead() const override { return {{conditionalField_}}; }

  // Turns "/body/flags" into a std::regex; throws InputError naming `location` when it cannot.
  static std::regex compilePcre(const std::string& pcre, const std::string& location);

 private:
  std::string idColumn_;
  std::string conditionalField_;
  std::regex pattern_;
  bool ignoreBrokenData_;
};

}  // namespace m2stage::schema::handlers
