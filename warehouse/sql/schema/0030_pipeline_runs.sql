-- 0030_pipeline_runs: one row per orchestrated run (the nightly flow or a stage run alone) and
-- one row per stage of it. Written by warehouse.runs.record_pipeline_run into the working copy
-- that the run publishes, so a run's record appears together with its data.

-- pipeline_runs: status completed | degraded (a source failed, the others loaded) | failed.
create table pipeline_runs (
    run_id varchar primary key,
    flow varchar not null,
    status varchar not null check (status in ('completed', 'degraded', 'failed')),
    started_at timestamp not null,
    finished_at timestamp,
    parameters json,
    taxonomy_version varchar,
    errors json
);

-- pipeline_run_stages: one row per (run_id, stage); counts is a JSON object of named counts.
create table pipeline_run_stages (
    run_id varchar not null,
    stage varchar not null,
    position integer not null,
    started_at timestamp not null,
    duration_s double not null,
    counts json,
    error varchar,
    primary key (run_id, stage)
);
