-- The crawl report of one run (or the latest when $run_id is NULL): one row per source, with
-- the duplicates the run's detection found among the source's active postings (NULL before
-- detection ran). Params: $run_id. Upstream: stg_crawl__reports, posting_duplicate_runs.
with reports as (
    select * from stg_crawl__reports
),

chosen as (
    select coalesce($run_id, (select max(run_id) from reports)) as run_id
),

final as (
    select
        r.run_id,
        r.source_name,
        r.complete,
        r.requests,
        r.responses,
        r.responses_by_status,
        r.items,
        r.unchanged_records,
        r.pages_not_modified,
        r.dropped,
        r.dropped_by_reason,
        r.failed_by_reason,
        d.postings as active_postings,
        d.duplicates,
        r.response_bytes,
        r.duration_s,
        r.finish_reason,
        r.crawl_error
    from reports as r
    inner join chosen as c on r.run_id = c.run_id
    left join posting_duplicate_runs as d
        on r.run_id = d.run_id and r.source_name = d.source
)

select * from final
order by source_name;
