#include "support/StepListXml.hpp"

#include <cctype>

#include <fmt/format.h>

namespace m2stage::test {

std::string officialStep(const std::string& title, const std::string& name, std::initializer_list<const char*> stages) {
  std::string xml = fmt::format("    <step title=\"{}\">", title);
  for (std::string stage : stages) {
    std::string element = stage;
    element[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(element[0])));
    xml += fmt::format("<{0}>Migration\\Step\\{1}\\{2}</{0}>", element, name, stage);
  }
  return xml + "</step>\n";
}

std::string stepsXml(const std::string& mode, std::initializer_list<std::string> steps) {
  std::string xml = fmt::format("  <steps mode=\"{}\">\n", mode);
  for (const auto& step : steps) xml += step;
  return xml + "  </steps>\n";
}

}  // namespace m2stage::test
