#include "sample/SqlDumpWriter.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace m2stage::sample {

namespace {
std::string quoteIdentifier(const std::string& name) {
  std::string quoted = "`";
  for (char c : name) quoted += c == '`' ? std::string("``") : std::string(1, c);
  return quoted + "`";
}
}  // namespace

SqlDumpWriter::SqlDumpWriter(std::ostream& out, std::size_t statementBytes)
    : out_(out), statementBytes_(statementBytes) {}

void SqlDumpWriter::add(const TableSpec& table, std::vector<Field> row) {
  if (row.size() != table.columns.size())
    throw std::logic_error(fmt::format("{}: {} values for {} columns", table.name, row.size(), table.columns.size()));
  Pending& pending = pending_[table.name];
  if (pending.headerSize == 0) {
    std::string header = "INSERT INTO " + quoteIdentifier(table.name) + " (";
    for (std::size_t i = 0; i < table.columns.size(); ++i) header += (i ? "," : "") + quoteIdentifier(table.columns[i]);
    header += ") VALUES\n";
    pending.statement = header;
    pending.headerSize = header.size();
  }
  if (pending.statement.size() > pending.headerSize) pending.statement += ",\n";
  pending.statement += '(';
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) pending.statement += ',';
    pending.statement += row[i].literal();
  }
  pending.statement += ')';
  ++rows_;
  if (pending.statement.size() >= statementBytes_) flush(pending);
}

void SqlDumpWriter::flush(Pending& pending) {
  if (pending.statement.size() <= pending.headerSize) return;
  out_ << pending.statement << ";\n";
  pending.statement.resize(pending.headerSize);
}

void SqlDumpWriter::finish() {
  for (auto& [name, pending] : pending_) flush(pending);
  out_.flush();
}

}  // namespace m2stage::sample
