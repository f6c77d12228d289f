-- int_demand_posting_skills: one row per (canonical posting in scope, skill) that counts as
-- demand (int_canonical_posting_skills: mentioned by any member posting, so a duplicate counts
-- once; no benefits, about-the-company, equal-opportunity or how-to-apply mentions), with the
-- posting's canonical_key and canonical_id, date, window flags and recency weight. The skill
-- is skill_no (int_skill_numbers has its skill_id and label).
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
        dp.canonical_key,
        dp.canonical_id,
        ps.skill_no,
        dp.posted_date,
        dp.in_window,
        dp.in_previous,
        dp.in_history,
        dp.recency_weight
    from posting_skills as ps
    inner join demand_postings as dp on ps.canonical_id = dp.canonical_id
)

select * from final;
