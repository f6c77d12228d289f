-- Record the stages of a pipeline run; the same (run_id, stage) again replaces its row.
-- Upstream: _stages (registered Arrow table, columns of pipeline_run_stages, counts as JSON text).
insert or replace into pipeline_run_stages (
    run_id, stage, position, started_at, duration_s, counts, error
)
select s.run_id, s.stage, s.position, s.started_at, s.duration_s, s.counts::json, s.error
from _stages as s;
