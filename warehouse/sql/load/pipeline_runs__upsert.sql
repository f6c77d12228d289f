-- Record one pipeline run; the same run_id recorded again replaces its row.
-- Params: $run_id, $flow, $status, $started_at, $finished_at, $parameters (JSON text),
-- $taxonomy_version, $errors (JSON text).
insert or replace into pipeline_runs (
    run_id, flow, status, started_at, finished_at, parameters, taxonomy_version, errors
)
values (
    $run_id, $flow, $status, $started_at, $finished_at, $parameters::json, $taxonomy_version,
    $errors::json
);
