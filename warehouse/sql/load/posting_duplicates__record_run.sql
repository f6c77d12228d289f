-- Record the duplicate rate of a run per source (active postings only); the same run again
-- replaces its rows. Params: $run_id, $detected_at. Upstream: postings, posting_duplicates.
insert or replace into posting_duplicate_runs (
    run_id, source, postings, duplicates, detected_at
)
select
    $run_id as run_id,
    p.source,
    count(*) as postings,
    count(d.posting_key) as duplicates,
    $detected_at as detected_at
from postings as p
left join posting_duplicates as d on p.posting_key = d.posting_key
where p.active
group by p.source;
