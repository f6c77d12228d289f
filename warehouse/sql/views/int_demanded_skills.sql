-- int_demanded_skills: the demanded set D = the top_n skills of int_skill_demand by demand_rank.
-- Grain: one row per skill in D (with the Wilson band of its share).
-- Upstream: int_skill_demand, stg_scoring__settings.
create or replace view int_demanded_skills as
with demand as (
    select * from int_skill_demand
),

settings as (
    select * from stg_scoring__settings
),

final as (
    select d.skill_id, d.label, d.postings, d.share, d.demand_rank, d.share_low, d.share_high
    from demand as d
    cross join settings as s
    where d.demand_rank <= s.top_n
)

select * from final;
