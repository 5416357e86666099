#include <functional>
#include <map>

#include <fmt/format.h>

#include "schema/Handler.hpp"
#include "schema/XmlFile.hpp"
#include "schema/handlers/SetValue.hpp"

namespace m2stage::schema {

namespace {

using Builder = std::function<std::unique_ptr<Handler>(const HandlerSpec&, const std::string&)>;

std::string param(const HandlerSpec& spec, const std::string& name) {
  auto found = spec.params.find(name);
  if (found == spec.params.end())
    throw InputError(fmt::format("{}: handler {} needs the param \"{}\"", spec.location, spec.className, name));
  return found->second;
}

const std::map<std::string, Builder>& builders() {
  static const std::map<std::string, Builder> known = {
      {"Migration\\Handler\\SetValue",
       [](const HandlerSpec& spec, const std::string& field) {
         return std::make_unique<SetValue>(field, param(spec, "value"));
       }},
  };
  return known;
}

}  // namespace

bool isKnownHandler(const std::string& className) { return builders().contains(className); }

std::unique_ptr<Handler> makeHandler(const HandlerSpec& spec, const std::string& field) {
  auto found = builders().find(spec.className);
  if (found == builders().end())
    throw InputError(fmt::format("{}: unknown handler class \\{} (on {})", spec.location, spec.className, field));
  return found->second(spec, field);
}

}  // namespace m2stage::schema
