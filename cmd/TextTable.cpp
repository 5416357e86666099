#include "cmd/TextTable.hpp"

#include <algorithm>

#include "cmd/OutputFormat.hpp"

namespace m2stage::cmd {

TextTable TextTable::fromQuery(SQLite::Statement& query, const std::vector<std::string>& stateColumns) {
  std::vector<Column> columns;
  for (int i = 0; i < query.getColumnCount(); ++i) {
    std::string name = query.getColumnName(i);
    columns.push_back({name, false, std::find(stateColumns.begin(), stateColumns.end(), name) != stateColumns.end()});
  }
  std::vector<bool> numeric(columns.size(), true), seen(columns.size(), false);
  TextTable table(columns);
  while (query.executeStep()) {
    std::vector<Cell> cells;
    for (int i = 0; i < query.getColumnCount(); ++i) {
      const auto& column = query.getColumn(i);
      if (column.isNull()) {
        cells.emplace_back();
        continue;
      }
      seen[i] = true;
      if (!column.isInteger() && !column.isFloat()) numeric[i] = false;
      cells.emplace_back(column.getString());
    }
    table.add(std::move(cells));
  }
  for (std::size_t i = 0; i < columns.size(); ++i) table.columns_[i].right = seen[i] && numeric[i];
  return table;
}

void TextTable::add(std::vector<Cell> cells) {
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
}

std::size_t TextTable::width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string TextTable::colourOf(const std::string& text) {
  auto space = text.find_last_of(' ');
  std::string word = space == std::string::npos ? text : text.substr(space + 1);
  if (word == "done" || word == "ok" || word == "loaded") return "\033[32m";
  if (word == "failed" || word == "error" || word == "mismatch") return "\033[31m";
  if (word == "running" || word == "warning" || word == "unfinished" || word == "pending") return "\033[33m";
  return "";
}

std::string TextTable::render(bool colour, const std::string& indent) const {
  std::vector<std::size_t> widths;
  std::vector<bool> shown;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    widths.push_back(width(columns_[i].title));
    bool any = std::any_of(rows_.begin(), rows_.end(), [&](const auto& row) { return row[i] && !row[i]->empty(); });
    shown.push_back(!columns_[i].hideEmpty || any);
  }
  std::size_t lastShown = 0;
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (shown[i]) lastShown = i;
  for (const auto& row : rows_)
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i].value_or("-")));
  auto line = [&](const std::vector<Cell>& cells, bool header) {
    std::string text = indent;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (!shown[i]) continue;
      std::string cell = cells[i].value_or("-");
      std::string padding(widths[i] - width(cell), ' ');
      std::string start = header ? (colour ? "\033[1m" : "") : (colour && columns_[i].state ? colourOf(cell) : "");
      std::string end = start.empty() ? "" : "\033[0m";
      bool last = i == lastShown;
      if (columns_[i].right) {
        text += padding + start + cell + end;
      } else {
        text += start + cell + end + (last ? "" : padding);
      }
      if (!last) text += "  ";
    }
    return text + "\n";
  };
  std::vector<Cell> titles;
  for (const auto& column : columns_) titles.emplace_back(column.title);
  std::string text = line(titles, true);
  for (const auto& row : rows_) text += line(row, false);
  return text;
}

std::string TextTable::csv() const {
  std::string text;
  for (std::size_t i = 0; i < columns_.size(); ++i) text += (i ? "," : "") + csvField(columns_[i].title);
  text += "\r\n";
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size(); ++i) text += (i ? "," : "") + csvField(row[i]);
    text += "\r\n";
  }
  return text;
}

}  // namespace m2stage::cmd
