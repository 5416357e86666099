#include "schema/handlers/Placeholder.hpp"

#include <cctype>
#include <string_view>

namespace m2stage::schema::handlers {

namespace {

constexpr std::string_view kWidget = "{{widget";
constexpr std::string_view kBlock = "{{block";

// Length of "{{widget" or "{{block" at `at`, else 0.
std::size_t directiveAt(std::string_view text, std::size_t at) {
  if (text.substr(at, kWidget.size()) == kWidget) return kWidget.size();
  if (text.substr(at, kBlock.size()) == kBlock) return kBlock.size();
  return 0;
}

// PCRE's `.` (no /s) matches any byte but '\n': the first `needle` at or after `from` on the same line.
std::size_t findOnLine(std::string_view text, std::string_view needle, std::size_t from) {
  auto found = text.find(needle, from);
  if (found == std::string_view::npos) return found;
  auto newline = text.find('\n', from);
  return newline != std::string_view::npos && newline < found ? std::string_view::npos : found;
}

// /({{widget|{{block).*}}/mU
bool hasPlaceholders(std::string_view text) {
  for (std::size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at + 1)) {
    std::size_t length = directiveAt(text, at);
    if (length && findOnLine(text, "}}", at + length) != std::string_view::npos) return true;
  }
  return false;
}

// preg_replace('/({{widget|{{block)(.*template=")(.*\/)(.*".*}})/mU', '$1$2$4'): removes, per match,
// the text from after template=" up to and including the first '/'.
std::string cutTemplateDirectory(std::string_view text) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t length = directiveAt(text, at);
    if (!length) {
      ++at;
      continue;
    }
    // Lazy matching: the first candidate of each part is the one PCRE settles on; when it fails,
    // later candidates fail too (they leave less text for the remaining parts).
    std::size_t templateAt = findOnLine(text, "template=\"", at + length);
    std::size_t slash = templateAt == std::string_view::npos ? templateAt : findOnLine(text, "/", templateAt + 10);
    std::size_t quote = slash == std::string_view::npos ? slash : findOnLine(text, "\"", slash + 1);
    std::size_t close = quote == std::string_view::npos ? quote : findOnLine(text, "}}", quote + 1);
    if (close == std::string_view::npos) {
      ++at;
      continue;
    }
    out.append(text.substr(copied, templateAt + 10 - copied));
    copied = slash + 1;
    at = close + 2;
  }
  out.append(text.substr(copied));
  return out;
}

bool isWordOrDash(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

// preg_replace('/{{widget type="[\w\-_]+\/[\w\-_]+".+}}/mU', ''): drops widgets still naming an alias.
std::string dropAliasWidgets(std::string_view text) {
  constexpr std::string_view kOpen = "{{widget type=\"";
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = text.find(kOpen); at != std::string_view::npos; at = text.find(kOpen, at + 1)) {
    if (at < copied) continue;
    std::size_t i = at + kOpen.size(), start = i;
    while (i < text.size() && isWordOrDash(text[i])) ++i;
    if (i == start || i >= text.size() || text[i] != '/') continue;
    start = ++i;
    while (i < text.size() && isWordOrDash(text[i])) ++i;
    if (i == start || i >= text.size() || text[i] != '"') continue;
    // `.+}}`: at least one byte after the quote, then the first "}}", all on one line.
    if (i + 1 >= text.size() || text[i + 1] == '\n') continue;
    std::size_t close = findOnLine(text, "}}", i + 2);
    if (close == std::string_view::npos) continue;
    out.append(text.substr(copied, at - copied));
    copied = close + 2;
  }
  out.append(text.substr(copied));
  return out;
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

Placeholder::Placeholder(std::string field, const ClassMap& classMap) : Handler(std::move(field)), classMap_(classMap) {
  for (const auto& rename : classMap_.renames()) {
    std::string to;
    for (char c : rename.to.value_or("")) to += c == '\\' ? std::string("\\\\") : std::string(1, c);
    replacements_.emplace_back("type=\"" + rename.from + "\"", "type=\"" + to + "\"");
  }
}

std::string Placeholder::rewrite(const std::string& content) const {
  if (!hasPlaceholders(content)) return content;
  std::string text = content;
  for (const auto& [from, to] : replacements_) replaceAll(text, from, to);  // str_replace with arrays: in order
  return dropAliasWidgets(cutTemplateDirectory(text));
}

void Placeholder::handle(Record& record, const Record&) {
  validate(record);
  const Value& value = record.get(field_);
  record.set(field_, value ? Value(rewrite(*value)) : Value{});
}

}  // namespace m2stage::schema::handlers
