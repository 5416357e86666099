// \Migration\Handler\Rule\SerializedData: unserializes F (rule conditions/actions); when it is an
// array, every string leaf inside nested arrays that is a class-map alias with a Magento 2 class
// is replaced by that class, and F is serialized again. Other values stay. Broken data fails the
// row: upstream does not catch the unserialize notice either.
#pragma once

#include "schema/php/PhpValue.hpp"
#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class RuleSerializedData : public Handler {
 public:
  RuleSerializedData(std::string field, const ClassMap& classMap) : Handler(std::move(field)), classMap_(classMap) {}
  void handle(Record& record, const Record& opposite) override;

 private:
  void replaceValues(php::PhpValue& array) const;

  const ClassMap& classMap_;
};

}  // namespace m2stage::schema::handlers
