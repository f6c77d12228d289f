-- mart_credential_gaps: one row per (ACTIVE credential, demanded skill in D it does not teach).
-- gap_rank = 1 for the most demanded missing skill of that credential. partial_credit = credit
-- it still earns through a narrower skill it teaches (int_credential_skill_credit; 0 when
-- none).
-- Columns: credential_key, title, provider, skill_id, label, postings, share, demand_rank,
-- gap_rank, partial_credit.
-- Upstream: stg_crawl__credentials, int_credential_skills, int_demanded_skills,
-- int_credential_skill_credit.
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

credit as (
    select * from int_credential_skill_credit
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
        m.credential_key,
        m.title,
        m.provider,
        m.skill_id,
        m.label,
        m.postings,
        m.share,
        m.demand_rank,
        row_number() over (partition by m.credential_key order by m.demand_rank) as gap_rank,
        coalesce(cr.credit, 0) as partial_credit
    from missing as m
    left join credit as cr
        on m.credential_key = cr.credential_key and m.skill_id = cr.skill_id
)

select * from final;
