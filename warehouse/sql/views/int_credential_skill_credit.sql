-- int_credential_skill_credit: one row per (ACTIVE credential, skill) the credential earns
-- credit for, whether or not the skill is in demand. credit = evidence_weight when it teaches
-- the skill itself; when it teaches a narrower skill k levels below (k <= max_hierarchy_depth)
-- it earns evidence_weight(narrower) * narrower_credit ^ k. The best credit wins (ties: direct
-- first, then shallower, then skill_id). evidence_skill_id = the skill the credit comes from.
-- Independent of the scope, so a mart joins it with the demanded set D once.
-- Upstream: int_credential_skills, int_skill_ancestors, stg_scoring__analysis.
create or replace view int_credential_skill_credit as
with credential_skills as (
    select * from int_credential_skills
),

ancestors as (
    select * from int_skill_ancestors
),

settings as (
    select * from stg_scoring__analysis
),

direct as (
    select
        credential_key,
        skill_id,
        skill_id as evidence_skill_id,
        0 as depth,
        declared,
        extracted,
        evidence_weight as credit
    from credential_skills
),

narrower as (
    select
        cs.credential_key,
        a.ancestor_id as skill_id,
        cs.skill_id as evidence_skill_id,
        a.depth,
        cs.declared,
        cs.extracted,
        cs.evidence_weight * st.narrower_credit ^ a.depth as credit
    from credential_skills as cs
    inner join ancestors as a on cs.skill_id = a.skill_id
    cross join settings as st
    where a.depth <= st.max_hierarchy_depth
),

candidates as (
    select * from direct
    union all
    select * from narrower
),

final as (
    select *
    from candidates
    qualify row_number() over (
        partition by credential_key, skill_id
        order by credit desc, depth, evidence_skill_id
    ) = 1
)

select * from final;
