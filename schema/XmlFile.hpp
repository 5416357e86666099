// An XML file loaded with pugixml that remembers its text, so errors can name file and line.
#pragma once

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

#include <pugixml.hpp>

namespace m2stage::schema {

// Bad user input in a file: the message already names the file (and line where known).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class XmlFile {
 public:
  // Throws InputError naming the file, line and column when it is missing or malformed.
  // `what` says which kind of file it is ("config", "map", ...) for the missing-file message.
  XmlFile(const std::filesystem::path& path, const std::string& what);

  const pugi::xml_document& document() const { return document_; }
  const std::filesystem::path& path() const { return path_; }
  const std::string& text() const { return text_; }

  // "file:line" for a node, for error messages.
  std::string where(const pugi::xml_node& node) const;
  int lineOf(const pugi::xml_node& node) const;

 private:
  int lineAtOffset(std::ptrdiff_t offset) const;
  int columnAtOffset(std::ptrdiff_t offset) const;

  std::filesystem::path path_;
  std::string text_;
  pugi::xml_document document_;
};

// Reads a groups file, the official format of deltalog.xml and the document and attribute group
// files (<groups><group name="...">...</group></groups>): calls `visit(xml, group, name)` for each
// group in file order. Throws InputError naming the file (and line) when it is missing, its root
// is not <groups>, or a group has no name.
void forEachGroup(const std::filesystem::path& path,
                  const std::function<void(const XmlFile&, const pugi::xml_node&, const std::string&)>& visit);

// Text of a node with surrounding whitespace removed.
std::string trimmedText(const pugi::xml_node& node);

}  // namespace m2stage::schema
