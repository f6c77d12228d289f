-- Recent pipeline runs, newest first, with their stages folded into one line each.
-- Grain: one row per run. Params: $limit. Upstream: pipeline_runs, pipeline_run_stages.
with stages as (
    select
        run_id,
        string_agg(
            stage || ' ' || round(duration_s, 1)::varchar || 's'
            || coalesce(' ' || counts::varchar, '')
            || coalesce(' error: ' || error, ''),
            '; ' order by position
        ) as stages
    from pipeline_run_stages
    group by run_id
),

final as (
    select
        r.run_id,
        r.flow,
        r.status,
        r.started_at,
        r.finished_at,
        r.taxonomy_version,
        r.errors::varchar as errors,
        s.stages,
        r.parameters::varchar as parameters
    from pipeline_runs as r
    left join stages as s on r.run_id = s.run_id
)

select * from final
order by started_at desc, run_id desc
limit $limit;
