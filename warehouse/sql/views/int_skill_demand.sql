-- int_skill_demand: one row per skill mentioned by at least one canonical posting in the window
-- of the scope (stg_scoring__analysis; default: every active canonical posting).
-- share = postings mentioning the skill / postings in the window; share_low/high = Wilson
-- interval (z = wilson_z); recency_share = the same with recency weights; growth = relative
-- change of share against the previous window, NULL unless the skill has min_support postings
-- in both; emerging = at least min_support postings now, a previous share below
-- emerging_max_base_share, and growth >= emerging_min_growth (or absent before).
-- demand_rank orders by postings desc, then lower(label), label, skill_id (no shared ranks).
-- In the default scope (no scope variable set) it reads the rows compute_scores stored
-- (demand_cache_skill_demand) while they match the warehouse (int_demand_cache_state); the
-- live part then reads no row.
-- Upstream: int_demand_cache_state, int_demand_posting_skills, int_demand_postings,
-- int_skill_numbers, stg_scoring__analysis.
create or replace view int_skill_demand as
with cache_state as (
    select * from int_demand_cache_state
),

settings as (
    select * from stg_scoring__analysis
),

use_cache as (
    select c.skill_demand_fresh and s.default_scope as cached
    from cache_state as c
    cross join settings as s
),

cached as (
    select * from demand_cache_skill_demand where (select cached from use_cache)
),

posting_skills as (
    select * from int_demand_posting_skills where not (select cached from use_cache)
),

demand_postings as (
    select * from int_demand_postings where not (select cached from use_cache)
),

skills as (
    select * from int_skill_numbers
),

totals as (
    select
        count(*) filter (where in_window) as total,
        count(*) filter (where in_previous) as previous_total,
        sum(recency_weight) filter (where in_window) as weight_total
    from demand_postings
),

counts as (
    select
        skill_no,
        count(*) filter (where in_window) as postings,
        count(*) filter (where in_previous) as previous_postings,
        sum(recency_weight) filter (where in_window) as weight
    from posting_skills
    group by skill_no
),

shares as (
    select
        s.skill_id,
        s.label,
        c.postings,
        t.total,
        c.postings / t.total as share,
        c.weight / t.weight_total as recency_share,
        c.previous_postings,
        case when t.previous_total > 0 then c.previous_postings / t.previous_total end
            as previous_share,
        st.*
    from counts as c
    inner join skills as s on c.skill_no = s.skill_no
    cross join totals as t
    cross join settings as st
    where c.postings > 0
),

live as (
    select
        skill_id,
        label,
        postings,
        share,
        row_number() over (
            order by postings desc, lower(label), label, skill_id
        ) as demand_rank,
        total as total_postings,
        (share + wilson_z ^ 2 / (2 * total)
            - wilson_z * sqrt(share * (1 - share) / total + wilson_z ^ 2 / (4 * total ^ 2)))
        / (1 + wilson_z ^ 2 / total) as share_low,
        (share + wilson_z ^ 2 / (2 * total)
            + wilson_z * sqrt(share * (1 - share) / total + wilson_z ^ 2 / (4 * total ^ 2)))
        / (1 + wilson_z ^ 2 / total) as share_high,
        recency_share,
        previous_postings,
        previous_share,
        case
            when previous_postings >= min_support and postings >= min_support
                then share / previous_share - 1
        end as growth,
        coalesce(
            postings >= min_support
            and previous_share is not null
            and previous_share < emerging_max_base_share
            and (previous_postings = 0 or share / previous_share - 1 >= emerging_min_growth),
            false
        ) as emerging
    from shares
),

final as (
    select * from cached
    union all by name
    select * from live
)

select * from final;
