#include "stage/Views.hpp"

namespace m2stage::stage {

namespace {
// Column names of these views are part of the user interface (README, `m2stage status|findings|
// audit --format json|csv`, the HTML report): add columns, never rename or drop them.
// Times are the staging file's UTC text ("2026-11-22T02:19:20.031Z"); julianday() reads them.
constexpr const char* kViews = R"SQL(
CREATE VIEW IF NOT EXISTS progress AS
  SELECT d.run_id, d.step, d.document, d.target, d.state, d.rows,
         (SELECT COUNT(*) FROM chunk c WHERE c.run_id = d.run_id AND c.step = d.step AND c.document = d.document) AS chunks,
         d.started_at, d.finished_at
  FROM document d;
CREATE VIEW IF NOT EXISTS history AS
  SELECT event_id, at, run_id, host, command, event, document, rows, detail FROM audit ORDER BY event_id;

-- One row per run, step and document: rows done of rows expected, time, throughput, verification.
-- rows_total: extract knows its total when done; transform expects what extract staged; load
-- expects what transform produced. A running document's time runs to now. Times have millisecond
-- resolution, so rows_per_second is left NULL below 10 ms, where it would be noise.
CREATE VIEW IF NOT EXISTS document_status AS
  SELECT run_id, step, document, target, state, rows_done, rows_total, chunks, seconds,
         CASE WHEN seconds >= 0.01 THEN CAST(ROUND(rows_done / seconds) AS INTEGER) END AS rows_per_second,
         verification, detail, started_at, finished_at
  FROM (
    SELECT d.run_id, d.step, d.document, d.target, d.state, d.rows AS rows_done,
           CASE d.step
             WHEN 'extract' THEN CASE WHEN d.state = 'done' THEN d.rows END
             WHEN 'transform' THEN (SELECT e.rows FROM document e
                                    WHERE e.run_id = d.run_id AND e.step = 'extract' AND e.document = d.document)
             WHEN 'load' THEN (SELECT t.rows FROM document t
                               WHERE t.run_id = d.run_id AND t.step = 'transform' AND t.document = d.document)
           END AS rows_total,
           (SELECT COUNT(*) FROM chunk c WHERE c.run_id = d.run_id AND c.step = d.step AND c.document = d.document) AS chunks,
           ROUND((julianday(COALESCE(d.finished_at, CASE WHEN d.state = 'running' THEN 'now' END)) - julianday(d.started_at))
                 * 86400.0, 3) AS seconds,
           CASE WHEN d.step = 'load' THEN CASE d.state WHEN 'done' THEN 'ok' WHEN 'failed' THEN 'mismatch' END END AS verification,
           d.detail, d.started_at, d.finished_at
    FROM document d);

-- One row per run and transformed document: rows read and written, and why they differ.
-- rows_in counts the extracted chunks already transformed (all of them once the document is done);
-- a skipped document (no Magento 2 counterpart) leaves all its rows out (ignored_rows).
-- Documents "<source>:<target>" hold the rows side-effect handlers on <source> wrote into <target>
-- (generated_by names the source; rows_in is NULL); their source lists them in generated_rows and
-- generated_into (the ':'..';' range is every name starting with "<source>:", by the document
-- key). bad_values counts the data_incompatibility findings (values stored as NULL, or
-- the value that stopped the transform). dropped_rows is what handlers filtered out: none of the
-- official handlers drops rows, so it stays 0 unless something is wrong.
CREATE VIEW IF NOT EXISTS transform_counts AS
  SELECT run_id, document, target, state, rows_in, rows_out,
         CASE WHEN state = 'skipped' THEN rows_in ELSE 0 END AS ignored_rows,
         CASE WHEN state <> 'skipped' AND generated_by IS NULL THEN rows_in - rows_out END AS dropped_rows,
         bad_values, generated_rows, generated_into, generated_by, detail
  FROM (
    SELECT d.run_id, d.document, d.target, d.state, d.rows AS rows_out, d.detail,
           CASE WHEN instr(d.document, ':') > 0 THEN substr(d.document, 1, instr(d.document, ':') - 1) END AS generated_by,
           CASE WHEN instr(d.document, ':') > 0 THEN NULL
                WHEN d.state = 'skipped' THEN (SELECT e.rows FROM document e
                                               WHERE e.run_id = d.run_id AND e.step = 'extract' AND e.document = d.document)
                ELSE (SELECT COALESCE(SUM(e.rows), 0) FROM chunk e
                      JOIN chunk t ON t.run_id = e.run_id AND t.step = 'transform' AND t.document = e.document
                                  AND t.chunk_no = e.chunk_no
                      WHERE e.run_id = d.run_id AND e.step = 'extract' AND e.document = d.document) END AS rows_in,
           (SELECT COUNT(*) FROM finding f
            WHERE f.run_id = d.run_id AND f.step = 'transform' AND f.kind = 'data_incompatibility'
              AND ((f.side = 'source' AND f.document = d.document)
                   OR (f.side = 'destination' AND f.document = d.target AND instr(d.document, ':') = 0))) AS bad_values,
           (SELECT COALESCE(SUM(g.rows), 0) FROM document g
            WHERE g.run_id = d.run_id AND g.step = 'transform'
              AND g.document >= d.document || ':' AND g.document < d.document || ';') AS generated_rows,
           (SELECT group_concat(g.target, ',') FROM document g
            WHERE g.run_id = d.run_id AND g.step = 'transform'
              AND g.document >= d.document || ':' AND g.document < d.document || ';') AS generated_into
    FROM document d WHERE d.step = 'transform');

-- One row per run and step (run_step with its time and throughput).
CREATE VIEW IF NOT EXISTS step_status AS
  SELECT run_id, step, state, rows, seconds,
         CASE WHEN seconds >= 0.01 THEN CAST(ROUND(rows / seconds) AS INTEGER) END AS rows_per_second,
         host, started_at, finished_at
  FROM (
    SELECT s.run_id, s.step, s.state,
           CASE WHEN s.state = 'running'
                THEN (SELECT COALESCE(SUM(d.rows), 0) FROM document d WHERE d.run_id = s.run_id AND d.step = s.step)
                ELSE s.rows END AS rows,
           ROUND((julianday(COALESCE(s.finished_at, CASE WHEN s.state = 'running' THEN 'now' END)) - julianday(s.started_at))
                 * 86400.0, 3) AS seconds,
           s.host, s.started_at, s.finished_at
    FROM run_step s);

-- One row per run: its state at a glance.
CREATE VIEW IF NOT EXISTS run_summary AS
  SELECT run_id, kind, mode,
         CASE WHEN 'failed' IN (extract_state, transform_state, load_state) THEN 'failed'
              WHEN 'running' IN (extract_state, transform_state, load_state) THEN 'running'
              WHEN load_state = 'done' THEN 'loaded'
              WHEN transform_state = 'done' THEN 'transformed'
              WHEN extract_state = 'done' THEN 'extracted'
              ELSE 'new' END AS state,
         extract_state, transform_state, load_state, documents, extracted_rows, transformed_rows, loaded_rows,
         CASE WHEN kind = 'delta' THEN extracted_rows - loaded_rows END AS pending_rows,
         errors, warnings,
         CASE WHEN mismatches > 0 THEN 'failed' WHEN load_state = 'done' THEN 'ok' END AS verification,
         mismatches, started_at, finished_at,
         ROUND((julianday(finished_at) - julianday(started_at)) * 86400.0, 3) AS seconds,
         created_at, host, tool_version, source, destination
  FROM (
    SELECT r.*,
           (SELECT state FROM run_step s WHERE s.run_id = r.run_id AND s.step = 'extract') AS extract_state,
           (SELECT state FROM run_step s WHERE s.run_id = r.run_id AND s.step = 'transform') AS transform_state,
           (SELECT state FROM run_step s WHERE s.run_id = r.run_id AND s.step = 'load') AS load_state,
           (SELECT COUNT(*) FROM document d WHERE d.run_id = r.run_id AND d.step = 'extract') AS documents,
           (SELECT COALESCE(SUM(rows), 0) FROM document d WHERE d.run_id = r.run_id AND d.step = 'extract') AS extracted_rows,
           (SELECT COALESCE(SUM(rows), 0) FROM document d WHERE d.run_id = r.run_id AND d.step = 'transform') AS transformed_rows,
           (SELECT COALESCE(SUM(rows), 0) FROM document d WHERE d.run_id = r.run_id AND d.step = 'load') AS loaded_rows,
           (SELECT COUNT(*) FROM finding f WHERE f.run_id = r.run_id AND f.severity = 'error') AS errors,
           (SELECT COUNT(*) FROM finding f WHERE f.run_id = r.run_id AND f.severity = 'warning') AS warnings,
           (SELECT COUNT(*) FROM finding f WHERE f.run_id = r.run_id AND f.kind = 'volume_mismatch') AS mismatches,
           (SELECT MIN(started_at) FROM run_step s WHERE s.run_id = r.run_id) AS started_at,
           (SELECT MAX(finished_at) FROM run_step s WHERE s.run_id = r.run_id) AS finished_at
    FROM run r);

-- Integrity and volume findings counted per run, step, kind and severity.
CREATE VIEW IF NOT EXISTS findings_by_kind AS
  SELECT run_id, step, kind, severity, COUNT(*) AS findings, COUNT(DISTINCT document) AS documents,
         MIN(message) AS example
  FROM finding GROUP BY run_id, step, kind, severity;

-- Delta runs only: changes staged but not yet loaded into Magento 2 (empty without delta runs).
CREATE VIEW IF NOT EXISTS delta_lag AS
  SELECT r.run_id, e.document, e.rows AS staged_rows, COALESCE(l.rows, 0) AS loaded_rows,
         e.rows - COALESCE(l.rows, 0) AS pending_rows, e.finished_at AS staged_at, l.finished_at AS loaded_at
  FROM run r
  JOIN document e ON e.run_id = r.run_id AND e.step = 'extract'
  LEFT JOIN document l ON l.run_id = r.run_id AND l.step = 'load' AND l.document = e.document
  WHERE r.kind = 'delta';

-- One row per command invocation, folded from the audit events: a command's events share its
-- host and command line; an invocation begins with the first event, after the event that ended the
-- previous one, or when the step starts (again) after events of that step (a rerun after a kill).
-- Commands other than extract, transform and load record one event each.
CREATE VIEW IF NOT EXISTS command_history AS
  WITH words AS (
    SELECT a.*, substr(a.command, instr(a.command, ' ') + 1) AS rest FROM audit a),
  verbs AS (
    SELECT w.*, CASE WHEN instr(rest, ' ') > 0 THEN substr(rest, 1, instr(rest, ' ') - 1) ELSE rest END AS verb,
           CASE WHEN instr(rest, ' ') > 0 THEN substr(rest, instr(rest, ' ') + 1) ELSE '' END AS arguments
    FROM words w),
  marked AS (
    SELECT v.*,
           event IN (verb || '.start', verb || '.resume', verb || '.transform_first') AS starts,
           (event = verb || '.end' OR event LIKE '%.failed' OR event LIKE '%.integrity_failed'
            OR verb NOT IN ('extract', 'transform', 'load')) AS ends
    FROM verbs v),
  previous AS (
    SELECT m.*, LAG(ends) OVER w AS previous_ends, LAG(event) OVER w AS previous_event
    FROM marked m WINDOW w AS (PARTITION BY host, command ORDER BY event_id)),
  numbered AS (
    SELECT p.*, SUM(CASE WHEN previous_event IS NULL OR previous_ends
                              OR (starts AND substr(previous_event, 1, length(verb) + 1) = verb || '.'
                                  AND previous_event <> verb || '.transform_first')
                         THEN 1 ELSE 0 END)
                  OVER (PARTITION BY host, command ORDER BY event_id ROWS UNBOUNDED PRECEDING) AS invocation
    FROM previous p),
  grouped AS (
    SELECT host, command, invocation, MIN(verb) AS verb, MIN(arguments) AS arguments, MIN(event_id) AS first_event,
           MAX(event_id) AS last_event, MIN(at) AS started_at, MAX(at) AS last_at, MAX(run_id) AS run_id,
           COUNT(*) AS events, SUM(CASE WHEN event = verb || '.chunk' THEN rows END) AS chunk_rows
    FROM numbered GROUP BY host, command, invocation)
  SELECT g.first_event AS command_id, g.run_id, g.host, g.verb AS command, g.arguments, g.command AS command_line,
         g.started_at,
         CASE WHEN last.ends THEN last.at END AS finished_at,
         g.last_at,
         CASE WHEN last.event LIKE '%.integrity_failed' THEN 'integrity failed'
              WHEN last.event LIKE '%.failed' THEN 'failed'
              WHEN last.event = 'load.end' AND last.detail LIKE '%volume mismatches' AND last.detail NOT LIKE '%, 0 volume mismatches'
                THEN 'verification failed'
              WHEN last.ends THEN 'done'
              ELSE 'unfinished' END AS outcome,
         -- An integrity failure's event counts findings, not rows.
         COALESCE(CASE WHEN last.ends AND last.event NOT LIKE '%.integrity_failed' THEN last.rows END, g.chunk_rows) AS rows,
         last.event AS last_event, last.detail, g.events
  FROM grouped g JOIN marked last ON last.event_id = g.last_event
  ORDER BY g.first_event;
)SQL";
}  // namespace

void ensureViews(SQLite::Database& db) { db.exec(kViews); }

}  // namespace m2stage::stage
