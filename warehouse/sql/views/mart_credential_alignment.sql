-- mart_credential_alignment: one row per ACTIVE credential.
-- coverage = sum(share of D-skills the credential has) / sum(share over D), NULL when D is empty
-- (no active posting mentions a skill); see warehouse/SCORING.md.
-- Columns: credential_key, source_name, provider, kind, title, url, covered_count,
-- demanded_count, covered_share, demanded_share, coverage.
-- Upstream: stg_crawl__credentials, int_credential_skills, int_demanded_skills.
create or replace view mart_credential_alignment as
with credentials as (
    select * from stg_crawl__credentials
),

credential_skills as (
    select * from int_credential_skills
),

demanded as (
    select * from int_demanded_skills
),

totals as (
    select
        count(*) as demanded_count,
        coalesce(sum(share), 0) as demanded_share
    from demanded
),

covered as (
    select
        cs.credential_key,
        count(*) as covered_count,
        sum(d.share) as covered_share
    from credential_skills as cs
    inner join demanded as d on cs.skill_id = d.skill_id
    group by cs.credential_key
),

final as (
    select
        c.credential_key,
        c.source_name,
        c.provider,
        c.kind,
        c.title,
        c.url,
        coalesce(cv.covered_count, 0) as covered_count,
        t.demanded_count,
        coalesce(cv.covered_share, 0) as covered_share,
        t.demanded_share,
        case
            when t.demanded_share > 0 then coalesce(cv.covered_share, 0) / t.demanded_share
        end as coverage
    from credentials as c
    left join covered as cv on c.credential_key = cv.credential_key
    cross join totals as t
    where c.active
)

select * from final;
