-- Stack candidates: every active credential with its cost and its credit on each skill in D.
-- Grain: one row per (active credential, demanded skill it earns credit for); credentials
-- without credit appear once with skill_id NULL. weight = share / sum of shares over D.
-- Upstream: stg_crawl__credentials, int_credential_skill_credit, int_demanded_skills.
with demanded as (
    select * from int_demanded_skills
),

credit as (
    select c.credential_key, c.skill_id, c.credit, d.share
    from int_credential_skill_credit as c
    inner join demanded as d on c.skill_id = d.skill_id
),

total as (
    select sum(share) as demanded_share from demanded
)

select
    a.credential_key,
    a.title,
    a.hours,
    a.price,
    c.skill_id,
    c.share / t.demanded_share as weight,
    c.credit
from stg_crawl__credentials as a
left join credit as c on a.credential_key = c.credential_key
cross join total as t
where a.active
order by a.credential_key, c.skill_id;
