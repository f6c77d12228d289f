-- stg_crawl__credential_skills: one row per (credential_key, declared name); skill_id is NULL
-- when the name is unresolved.
-- Upstream: table credential_skills.
create or replace view stg_crawl__credential_skills as
with source as (
    select * from credential_skills
),

renamed as (
    select
        credential_key,
        position,
        name as declared_name,
        framework as declared_framework,
        code as declared_code,
        target_url as declared_url,
        skill_id,
        method as link_method
    from source
)

select * from renamed;
