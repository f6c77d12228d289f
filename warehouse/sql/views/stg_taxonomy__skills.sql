-- stg_taxonomy__skills: one row per skill of the current vocabulary.
-- Upstream: table skills.
create or replace view stg_taxonomy__skills as
with source as (
    select * from skills
),

renamed as (
    select
        skill_id,
        preferred_label as label,
        description,
        skill_type,
        source as taxonomy_source,
        taxonomy_version
    from source
)

select * from renamed;
