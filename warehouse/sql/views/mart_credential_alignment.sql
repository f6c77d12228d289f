-- mart_credential_alignment: one row per ACTIVE credential. See warehouse/SCORING.md.
-- coverage = sum(share of D-skills the credential has) / sum(share over D), NULL when D is empty
-- (plain coverage, every skill taught counts fully).
-- score = sum(credit * share over D) / sum(share over D): declared vs extracted weights and
-- partial credit for narrower skills (int_credential_skill_credit, joined with D here, so
-- demand is computed once per query). score_low / score_high: the band from the Wilson
-- intervals of the shares (covered part at its low/high bound, the uncovered part at the
-- opposite one). relevance = share of the credential's skills that are in D.
-- Columns: credential_key, source_name, provider, kind, title, url, hours, price, currency,
-- covered_count, demanded_count, covered_share, demanded_share, coverage, score, score_low,
-- score_high, skill_count, relevant_count, relevance.
-- Upstream: stg_crawl__credentials, int_credential_skills, int_demanded_skills,
-- int_credential_skill_credit.
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

credit as (
    select * from int_credential_skill_credit
),

totals as (
    select
        count(*) as demanded_count,
        coalesce(sum(share), 0) as demanded_share,
        coalesce(sum(share_low), 0) as demanded_low,
        coalesce(sum(share_high), 0) as demanded_high
    from demanded
),

credited as (
    select
        c.credential_key,
        count(*) filter (where c.depth = 0) as covered_count,
        sum(d.share) filter (where c.depth = 0) as covered_share,
        sum(c.credit * d.share) as credit_share,
        sum(c.credit * d.share_low) as credit_low,
        sum(c.credit * d.share_high) as credit_high
    from credit as c
    inner join demanded as d on c.skill_id = d.skill_id
    group by c.credential_key
),

taught as (
    select credential_key, count(*) as skill_count
    from credential_skills
    group by credential_key
),

final as (
    select
        c.credential_key,
        c.source_name,
        c.provider,
        c.kind,
        c.title,
        c.url,
        c.hours,
        c.price,
        c.currency,
        coalesce(cr.covered_count, 0) as covered_count,
        t.demanded_count,
        coalesce(cr.covered_share, 0) as covered_share,
        t.demanded_share,
        case
            when t.demanded_share > 0 then coalesce(cr.covered_share, 0) / t.demanded_share
        end as coverage,
        case
            when t.demanded_share > 0 then coalesce(cr.credit_share, 0) / t.demanded_share
        end as score,
        case when t.demanded_share > 0 then
            coalesce(cr.credit_low, 0) / (
                coalesce(cr.credit_low, 0) + t.demanded_high - coalesce(cr.credit_high, 0)
            )
        end as score_low,
        case when t.demanded_share > 0 then
            coalesce(cr.credit_high, 0) / (
                coalesce(cr.credit_high, 0) + t.demanded_low - coalesce(cr.credit_low, 0)
            )
        end as score_high,
        coalesce(tg.skill_count, 0) as skill_count,
        coalesce(cr.covered_count, 0) as relevant_count,
        coalesce(cr.covered_count, 0) / nullif(tg.skill_count, 0) as relevance
    from credentials as c
    left join credited as cr on c.credential_key = cr.credential_key
    left join taught as tg on c.credential_key = tg.credential_key
    cross join totals as t
    where c.active
)

select * from final;
