-- The newest canonical postings in the scope's window, for the HTML report.
-- Grain: one row per canonical posting, newest first, at most $limit.
-- Upstream: int_demand_postings, stg_crawl__postings, int_canonical_postings.
select p.title, p.employer, p.country, dp.posted_date, cp.occupation_label
from int_demand_postings as dp
inner join stg_crawl__postings as p on dp.posting_key = p.posting_key
inner join int_canonical_postings as cp on dp.posting_key = cp.posting_key
where dp.in_window
order by dp.posted_date desc, p.title, p.posting_key
limit $limit;
