-- mart_skill_demand_by_period: one row per (period_kind, period_start, skill) for the canonical
-- postings in scope (open and closed) posted up to as_of (and from since): week (ISO, Monday)
-- and month buckets of posted_date. share = postings mentioning the skill / postings posted
-- in that period.
-- Upstream: int_demand_posting_skills, int_demand_postings, int_skill_numbers.
create or replace view mart_skill_demand_by_period as
with posting_skills as (
    select * from int_demand_posting_skills where in_history
),

demand_postings as (
    select * from int_demand_postings where in_history
),

skills as (
    select * from int_skill_numbers
),

kinds as (
    select unnest(['week', 'month']) as period_kind
),

totals as (
    select k.period_kind, date_trunc(k.period_kind, dp.posted_date) as period_start,
        count(*) as total_postings
    from demand_postings as dp
    cross join kinds as k
    group by all
),

counts as (
    select k.period_kind, date_trunc(k.period_kind, ps.posted_date) as period_start,
        ps.skill_no, count(*) as postings
    from posting_skills as ps
    cross join kinds as k
    group by all
),

final as (
    select
        c.period_kind,
        cast(c.period_start as date) as period_start,
        s.skill_id,
        s.label,
        c.postings,
        t.total_postings,
        c.postings / t.total_postings as share
    from counts as c
    inner join totals as t
        on c.period_kind = t.period_kind and c.period_start = t.period_start
    inner join skills as s on c.skill_no = s.skill_no
)

select * from final;
