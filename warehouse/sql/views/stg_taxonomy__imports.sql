-- stg_taxonomy__imports: one row per imported source version (ESCO, Lightcast, O*NET, custom).
-- Upstream: table taxonomy_imports.
create or replace view stg_taxonomy__imports as
with source as (
    select * from taxonomy_imports
),

renamed as (
    select
        version_id,
        source as taxonomy_source,
        release,
        checksum,
        imported_at,
        skill_count,
        problem_count
    from source
)

select * from renamed;
