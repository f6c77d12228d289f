-- mart_skill_demand: one row per skill mentioned by a canonical posting in the scope's window
-- (default: every active canonical posting; see int_demand_postings).
-- Columns: skill_id, label, postings, share (0..1), rank (1 = most demanded), demanded
-- (rank <= top_n, i.e. in the set D used for alignment), total_postings, share_low,
-- share_high (Wilson interval), recency_share, previous_postings, previous_share, growth,
-- emerging. See warehouse/SCORING.md.
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
        d.demand_rank <= s.top_n as demanded,
        d.total_postings,
        d.share_low,
        d.share_high,
        d.recency_share,
        d.previous_postings,
        d.previous_share,
        d.growth,
        d.emerging
    from demand as d
    cross join settings as s
)

select * from final;
