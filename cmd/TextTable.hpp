// A table of text cells printed for people (aligned columns, state words coloured on request)
// or for scripts as CSV (RFC 4180). NULL cells print as "-" in the table and empty in CSV.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>

namespace m2stage::cmd {

class TextTable {
 public:
  struct Column {
    std::string title;
    bool right = false;  // numbers align right
    bool state = false;  // the cell's last word (done, failed, ok, ...) picks its colour
    bool hideEmpty = false;  // left out of the table (not CSV) when no row has a value
  };
  using Cell = std::optional<std::string>;

  explicit TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}
  // Every column of the query's result; numeric columns align right; columns named in
  // `stateColumns` are coloured by their state word.
  static TextTable fromQuery(SQLite::Statement& query, const std::vector<std::string>& stateColumns = {});

  void add(std::vector<Cell> cells);
  bool empty() const { return rows_.empty(); }
  std::size_t size() const { return rows_.size(); }

  // Header line and rows, columns padded to their widest cell (in characters, not bytes).
  std::string render(bool colour, const std::string& indent = "") const;
  // Header line and rows, CRLF line ends as RFC 4180 says.
  std::string csv() const;

  // The ANSI colour of a state word ("" for none): green done/ok, red failed/error, yellow running/warning.
  static std::string colourOf(const std::string& text);
  // Characters of UTF-8 text (continuation bytes not counted).
  static std::size_t width(const std::string& text);

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<Cell>> rows_;
};

}  // namespace m2stage::cmd
