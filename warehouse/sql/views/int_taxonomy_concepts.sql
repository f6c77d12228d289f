-- int_taxonomy_concepts: one row per skill group, occupation or ISCO group of the newest import
-- of each source vocabulary (labels for rollups and occupations).
-- Upstream: stg_taxonomy__concepts, stg_taxonomy__imports.
create or replace view int_taxonomy_concepts as
with concepts as (
    select * from stg_taxonomy__concepts
),

imports as (
    select * from stg_taxonomy__imports
),

final as (
    select c.concept_id, c.concept_kind, c.label, c.code, c.parent
    from concepts as c
    inner join imports as i on c.version_id = i.version_id and i.is_latest
)

select * from final;
