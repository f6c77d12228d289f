-- int_demand_posting_skills: one row per (canonical posting in scope, skill) that counts as
-- demand (int_canonical_posting_skills: mentioned by any member posting, so a duplicate counts
-- once; no benefits, about-the-company, equal-opportunity or how-to-apply mentions), with the
-- posting's date, window flags and recency weight.
-- Upstream: int_canonical_posting_skills, int_demand_postings.
create or replace view int_demand_posting_skills as
with posting_skills as (
    select * from int_canonical_posting_skills
),

demand_postings as (
    select * from int_demand_postings
),

final as (
    select
        ps.canonical_key,
        ps.skill_id,
        dp.posted_date,
        dp.in_window,
        dp.in_previous,
        dp.in_history,
        dp.recency_weight
    from posting_skills as ps
    inner join demand_postings as dp on ps.canonical_key = dp.canonical_key
)

select * from final;
