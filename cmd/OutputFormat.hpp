// How the inspection commands (status, findings, audit) print: an aligned table for people,
// JSON or CSV for scripts. JSON is built by SQLite's json functions, so escaping is SQLite's.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace m2stage::cmd {

enum class OutputFormat { Table, Json, Csv };

// "table" | "json" | "csv"; throws std::invalid_argument on anything else.
OutputFormat parseOutputFormat(const std::string& text);

// One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled.
// NULL is the empty field.
std::string csvField(const std::optional<std::string>& value);

// Colour for people at a terminal only: stdout is a terminal, NO_COLOR is unset, TERM is not dumb.
bool colourWanted();

using Binder = std::function<void(SQLite::Statement&)>;

// The rows of `select` as a JSON array of objects keyed by column name (in column order),
// built by SQLite: "SELECT json_group_array(json_object(...)) FROM (select)".
std::string jsonRows(SQLite::Database& db, const std::string& select, const Binder& bind = {});

// The single value of a query that builds JSON (or any text) itself.
std::string queryText(SQLite::Database& db, const std::string& sql, const Binder& bind = {});

}  // namespace m2stage::cmd
