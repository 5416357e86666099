#include "schema/XmlFile.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace m2stage::schema {

XmlFile::XmlFile(const std::filesystem::path& path, const std::string& what) : path_(path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot open {} file", path.string(), what));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text_ = buffer.str();
  auto result = document_.load_buffer(text_.data(), text_.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!result) {
    throw InputError(fmt::format("{}:{}:{}: {} file is not valid XML: {}", path.string(),
                                 lineAtOffset(result.offset), columnAtOffset(result.offset), what,
                                 result.description()));
  }
}

int XmlFile::lineAtOffset(std::ptrdiff_t offset) const {
  offset = std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text_.size()));
  return 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + offset, '\n'));
}

int XmlFile::columnAtOffset(std::ptrdiff_t offset) const {
  offset = std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text_.size()));
  auto lineStart = text_.rfind('\n', offset == 0 ? 0 : offset - 1);
  return static_cast<int>(offset - (lineStart == std::string::npos ? 0 : lineStart + 1)) + 1;
}

int XmlFile::lineOf(const pugi::xml_node& node) const { return lineAtOffset(node.offset_debug()); }

std::string XmlFile::where(const pugi::xml_node& node) const {
  return fmt::format("{}:{}", path_.string(), lineOf(node));
}

std::string trimmedText(const pugi::xml_node& node) {
  std::string text = node.text().get();
  auto isSpace = [](unsigned char c) { return std::isspace(c) != 0; };
  text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), isSpace));
  text.erase(std::find_if_not(text.rbegin(), text.rend(), isSpace).base(), text.end());
  return text;
}

void forEachGroup(const std::filesystem::path& path,
                  const std::function<void(const XmlFile&, const pugi::xml_node&, const std::string&)>& visit) {
  if (!std::filesystem::is_regular_file(path))
    throw InputError(fmt::format("Invalid groups filename: {}", path.string()));
  XmlFile xml(path, "groups");
  auto root = xml.document().child("groups");
  if (!root)
    throw InputError(fmt::format("{}: the root element must be <groups>", xml.where(xml.document().document_element())));
  for (auto group : root.children("group")) {
    std::string name = group.attribute("name").value();
    if (name.empty()) throw InputError(fmt::format("{}: <group> needs a name", xml.where(group)));
    visit(xml, group, name);
  }
}

}  // namespace m2stage::schema
