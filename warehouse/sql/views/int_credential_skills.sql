-- int_credential_skills: one row per (ACTIVE credential, skill) it teaches: declared by the
-- provider and resolved, or extracted from its title/description; flags say which.
-- evidence_weight = declared_weight if declared, else extracted_weight (stg_scoring__analysis).
-- Upstream: stg_crawl__credentials, stg_crawl__credential_skills, int_document_skills,
-- stg_taxonomy__skills, stg_scoring__analysis.
create or replace view int_credential_skills as
with credentials as (
    select * from stg_crawl__credentials
),

declared_skills as (
    select * from stg_crawl__credential_skills
),

document_skills as (
    select * from int_document_skills
),

skills as (
    select * from stg_taxonomy__skills
),

settings as (
    select * from stg_scoring__analysis
),

declared as (
    select distinct ds.credential_key, ds.skill_id
    from declared_skills as ds
    inner join skills as s on ds.skill_id = s.skill_id
),

extracted as (
    select doc_key as credential_key, skill_id
    from document_skills
    where doc_kind = 'credential'
),

combined as (
    select
        coalesce(d.credential_key, e.credential_key) as credential_key,
        coalesce(d.skill_id, e.skill_id) as skill_id,
        d.skill_id is not null as declared,
        e.skill_id is not null as extracted
    from declared as d
    full outer join extracted as e
        on d.credential_key = e.credential_key and d.skill_id = e.skill_id
),

final as (
    select
        cs.credential_key,
        cs.skill_id,
        cs.declared,
        cs.extracted,
        case when cs.declared then st.declared_weight else st.extracted_weight end
            as evidence_weight
    from combined as cs
    inner join credentials as c on cs.credential_key = c.credential_key
    cross join settings as st
    where c.active
)

select * from final;
