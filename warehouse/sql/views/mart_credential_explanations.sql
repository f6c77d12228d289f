-- mart_credential_explanations: one row per (ACTIVE credential, demanded skill in D): why the
-- credential scores what it does. Columns: credential_key, title, skill_id, label, postings,
-- share, demand_rank, evidence ('declared', 'extracted', 'narrower' or 'none'),
-- evidence_skill_id / evidence_label (the taught skill the credit comes from), depth, credit
-- (0..1), contribution (credit * share / sum of shares over D; the contributions of a
-- credential add up to its score).
-- Upstream: stg_crawl__credentials, int_demanded_skills, int_credential_skill_credit,
-- stg_taxonomy__skills.
create or replace view mart_credential_explanations as
with credentials as (
    select * from stg_crawl__credentials where active
),

demanded as (
    select * from int_demanded_skills
),

credit as (
    select * from int_credential_skill_credit
),

skills as (
    select * from stg_taxonomy__skills
),

totals as (
    select sum(share) as demanded_share from demanded
),

final as (
    select
        c.credential_key,
        c.title,
        d.skill_id,
        d.label,
        d.postings,
        d.share,
        d.demand_rank,
        case
            when cr.skill_id is null then 'none'
            when cr.depth > 0 then 'narrower'
            when cr.declared then 'declared'
            else 'extracted'
        end as evidence,
        cr.evidence_skill_id,
        s.label as evidence_label,
        cr.depth,
        coalesce(cr.credit, 0) as credit,
        coalesce(cr.credit, 0) * d.share / t.demanded_share as contribution
    from credentials as c
    cross join demanded as d
    cross join totals as t
    left join credit as cr
        on c.credential_key = cr.credential_key and d.skill_id = cr.skill_id
    left join skills as s on cr.evidence_skill_id = s.skill_id
)

select * from final;
