-- stg_taxonomy__crosswalk: one row per source skill linked to a canonical skill.
-- Upstream: table skill_crosswalk.
create or replace view stg_taxonomy__crosswalk as
with source as (
    select * from skill_crosswalk
),

renamed as (
    select
        canonical_id,
        source as taxonomy_source,
        source_id,
        label as source_label,
        method as link_method,
        score as link_score
    from source
)

select * from renamed;
