-- mart_credential_gaps: one row per (ACTIVE credential, demanded skill in D it does not teach).
-- gap_rank = 1 for the most demanded missing skill of that credential.
-- Columns: credential_key, title, provider, skill_id, label, postings, share, demand_rank,
-- gap_rank.
-- Upstream: stg_crawl__credentials, int_credential_skills, int_demanded_skills.
create or replace view mart_credential_gaps as
with credentials as (
    select * from stg_crawl__credentials
),

credential_skills as (
    select * from int_credential_skills
),

demanded as (
    select * from int_demanded_skills
),

missing as (
    select c.credential_key, c.title, c.provider, d.*
    from credentials as c
    cross join demanded as d
    where
        c.active
        and not exists (
            select 1
            from credential_skills as cs
            where cs.credential_key = c.credential_key and cs.skill_id = d.skill_id
        )
),

final as (
    select
        credential_key,
        title,
        provider,
        skill_id,
        label,
        postings,
        share,
        demand_rank,
        row_number() over (partition by credential_key order by demand_rank) as gap_rank
    from missing
)

select * from final;
