-- Record crawl runs; the same (run_id, source) loaded again replaces its row.
-- Upstream: _runs (registered Arrow table, columns of crawl_runs with stats as JSON text).
insert or replace into crawl_runs (
    run_id, source, started_at, finished_at, complete, items, dropped, errors, stats
)
select
    r.run_id, r.source, r.started_at, r.finished_at, r.complete, r.items, r.dropped, r.errors,
    r.stats::json
from _runs as r;
