-- stg_crawl__reports: one row per (run_id, source) crawl, its spider stats normalized:
-- requests, responses (total and by HTTP status), records written (new or changed content,
-- and `unchanged` records for pages that answered 304), dropped records by reason, failed
-- requests by reason, bytes downloaded, duration and how the crawl finished.
-- Upstream: crawl_runs (table); macros crawl_stat, crawl_stat_map (0051_crawl_reports).
create or replace view stg_crawl__reports as
with source as (
    select * from crawl_runs
),

renamed as (
    select
        run_id,
        source as source_name,
        started_at,
        finished_at,
        complete,
        cast(crawl_stat(stats, 'downloader/request_count') as bigint) as requests,
        cast(crawl_stat(stats, 'downloader/response_count') as bigint) as responses,
        crawl_stat_map(stats, 'downloader/response_status_count/') as responses_by_status,
        cast(crawl_stat(stats, 'item_scraped_count') as bigint) as items,
        cast(
            crawl_stat(stats, 'skillsignal/incremental/unchanged_records') as bigint
        ) as unchanged_records,
        cast(crawl_stat(stats, 'skillsignal/incremental/not_modified') as bigint)
            as pages_not_modified,
        cast(crawl_stat(stats, 'item_dropped_count') as bigint) as dropped,
        crawl_stat_map(stats, 'skillsignal/dropped/') as dropped_by_reason,
        crawl_stat_map(stats, 'skillsignal/failed/') as failed_by_reason,
        cast(crawl_stat(stats, 'downloader/response_bytes') as bigint) as response_bytes,
        round(crawl_stat(stats, 'elapsed_time_seconds'), 3) as duration_s,
        errors,
        json_extract_string(stats, '$.finish_reason') as finish_reason,
        json_extract_string(stats, '$.error') as crawl_error
    from source
)

select * from renamed;
