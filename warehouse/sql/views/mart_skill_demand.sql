-- mart_skill_demand: one row per skill mentioned in at least one ACTIVE posting.
-- Columns: skill_id, label, postings, share (0..1), rank (1 = most demanded), demanded
-- (rank <= top_n, i.e. in the set D used for alignment).
-- Upstream: int_skill_demand, stg_scoring__settings.
create or replace view mart_skill_demand as
with demand as (
    select * from int_skill_demand
),

settings as (
    select * from stg_scoring__settings
),

final as (
    select
        d.skill_id,
        d.label,
        d.postings,
        d.share,
        d.demand_rank as rank,
        d.demand_rank <= s.top_n as demanded
    from demand as d
    cross join settings as s
)

select * from final;
