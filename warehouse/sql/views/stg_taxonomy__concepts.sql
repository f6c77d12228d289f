-- stg_taxonomy__concepts: one row per skill group, occupation or ISCO group of one imported
-- version.
-- Upstream: table taxonomy_concepts.
create or replace view stg_taxonomy__concepts as
with source as (
    select * from taxonomy_concepts
),

renamed as (
    select
        version_id,
        concept_id,
        kind as concept_kind,
        label,
        code,
        parent
    from source
)

select * from renamed;
