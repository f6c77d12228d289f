-- Postings whose title has no stored occupation yet (all postings when $all_postings).
-- Grain: one row per posting. Upstream: stg_crawl__postings, stg_classify__posting_occupations.
select p.posting_key, p.title
from stg_crawl__postings as p
left join stg_classify__posting_occupations as o on p.posting_key = o.posting_key
where $all_postings or o.posting_key is null
order by p.posting_key;
