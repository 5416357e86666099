// The views of the staging file: named answers to the questions users ask with sqlite3
// ("how far is each table", "what happened when", ...). Views hold no data, so they are
// (re)created on every open: a file written by an older m2stage gains the newer views.
#pragma once

#include <SQLiteCpp/Database.h>

namespace m2stage::stage {

void ensureViews(SQLite::Database& db);

}  // namespace m2stage::stage
