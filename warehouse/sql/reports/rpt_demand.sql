-- rpt_demand: the most demanded skills. Grain: one row per skill, rank <= $limit.
-- Columns (CSV order): rank, skill_id, label, postings, share (0..1, 4 decimals), demanded
-- (in the top_n set D used for alignment).
-- Params: limit=50
-- Upstream: mart_skill_demand.
select
    rank,
    skill_id,
    label,
    postings,
    round(share, 4) as share,
    demanded
from mart_skill_demand
where rank <= $limit
order by rank;
