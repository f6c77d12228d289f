-- int_skill_demand: one row per skill mentioned in at least one ACTIVE posting.
-- share = postings mentioning the skill / all active postings; demand_rank orders by postings
-- desc, then lower(label), label, skill_id (ties broken deterministically, no shared ranks).
-- Upstream: int_posting_skills, stg_crawl__postings, stg_taxonomy__skills.
create or replace view int_skill_demand as
with posting_skills as (
    select * from int_posting_skills
),

postings as (
    select * from stg_crawl__postings
),

skills as (
    select * from stg_taxonomy__skills
),

active_postings as (
    select count(*) as total from postings where active
),

counts as (
    select skill_id, count(distinct posting_key) as postings
    from posting_skills
    group by skill_id
),

final as (
    select
        c.skill_id,
        s.label,
        c.postings,
        c.postings / a.total as share,
        row_number() over (
            order by c.postings desc, lower(s.label), s.label, c.skill_id
        ) as demand_rank
    from counts as c
    inner join skills as s on c.skill_id = s.skill_id
    cross join active_postings as a
)

select * from final;
