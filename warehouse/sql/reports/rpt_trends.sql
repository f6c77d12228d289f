-- rpt_trends: demand over time for the $skills most demanded skills of the scope.
-- Grain: one row per (period_start, skill) with postings in that period; $period is 'week' or
-- 'month'. growth = share / previous period's share - 1, empty unless both periods have at
-- least min_support postings of the skill (stg_scoring__analysis).
-- Columns (CSV order): period, period_start, skill_id, label, postings, total_postings, share
-- (4 decimals), growth (4 decimals).
-- Params: period=month, skills=10
-- Upstream: mart_skill_demand_by_period, mart_skill_demand, stg_scoring__analysis.
with top_skills as (
    select skill_id from mart_skill_demand where rank <= $skills
),

periods as (
    select p.*
    from mart_skill_demand_by_period as p
    inner join top_skills as t on p.skill_id = t.skill_id
    where p.period_kind = $period
),

with_previous as (
    select
        *,
        lag(postings) over (partition by skill_id order by period_start) as previous_postings,
        lag(share) over (partition by skill_id order by period_start) as previous_share
    from periods
)

select
    w.period_kind as period,
    w.period_start,
    w.skill_id,
    w.label,
    w.postings,
    w.total_postings,
    round(w.share, 4) as share,
    round(
        case
            when w.previous_postings >= s.min_support and w.postings >= s.min_support
                then w.share / w.previous_share - 1
        end,
        4
    ) as growth
from with_previous as w
cross join stg_scoring__analysis as s
order by w.period_start, w.postings desc, w.skill_id;
