// A field handler from the official map grammar (<transform><handler class="...">).
// Each instance is bound to one field of one document and is built once per document.
#pragma once

#include <memory>
#include <string>

#include "schema/MapRules.hpp"
#include "schema/Record.hpp"

namespace m2stage::schema {

class Handler {
 public:
  explicit Handler(std::string field) : field_(std::move(field)) {}
  virtual ~Handler() = default;

  // Changes `record` (usually only the bound field); `opposite` is the other side's record.
  virtual void handle(Record& record, const Record& opposite) = 0;

  const std::string& field() const { return field_; }

 protected:
  std::string field_;
};

// Builds handlers by official class name (with or without the leading backslash).
// Throws InputError naming the class and where the map uses it when the class is unknown.
std::unique_ptr<Handler> makeHandler(const HandlerSpec& spec, const std::string& field);

// True when m2stage knows the class.
bool isKnownHandler(const std::string& className);

}  // namespace m2stage::schema
