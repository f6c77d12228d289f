-- rpt_demand: the most demanded skills in the scope (see warehouse/SCORING.md).
-- Grain: one row per skill, rank <= $limit.
-- Columns (CSV order): rank, skill_id, label, postings, share (0..1, 4 decimals), demanded
-- (in the top_n set D used for alignment), share_low, share_high (Wilson interval),
-- recency_share, previous_postings, growth (vs the previous window; empty below the minimum
-- support), emerging, total_postings.
-- Params: limit=50
-- Upstream: mart_skill_demand.
select
    rank,
    skill_id,
    label,
    postings,
    round(share, 4) as share,
    demanded,
    round(share_low, 4) as share_low,
    round(share_high, 4) as share_high,
    round(recency_share, 4) as recency_share,
    previous_postings,
    round(growth, 4) as growth,
    emerging,
    total_postings
from mart_skill_demand
where rank <= $limit
order by rank;
