#include "stage/Views.hpp"

namespace m2stage::stage {

namespace {
constexpr const char* kViews = R"SQL(
CREATE VIEW IF NOT EXISTS progress AS
  SELECT d.run_id, d.step, d.document, d.target, d.state, d.rows,
         (SELECT COUNT(*) FROM chunk c WHERE c.run_id = d.run_id AND c.step = d.step AND c.document = d.document) AS chunks,
         d.started_at, d.finished_at
  FROM document d;
CREATE VIEW IF NOT EXISTS history AS
  SELECT event_id, at, run_id, host, command, event, document, rows, detail FROM audit ORDER BY event_id;
)SQL";
}  // namespace

void ensureViews(SQLite::Database& db) { db.exec(kViews); }

}  // namespace m2stage::stage
