-- stg_taxonomy__relations: one row per relation (child -> parent) of one imported version:
-- broader (skill -> broader skill, skill -> skill group, group -> group), essential, optional.
-- Upstream: table taxonomy_relations.
create or replace view stg_taxonomy__relations as
with source as (
    select * from taxonomy_relations
),

renamed as (
    select
        version_id,
        child as skill_id,
        parent as broader_id,
        kind as relation_kind
    from source
)

select * from renamed;
