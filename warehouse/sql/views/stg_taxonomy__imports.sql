-- stg_taxonomy__imports: one row per imported source version (ESCO, Lightcast, O*NET, custom);
-- is_latest marks the newest import of each source.
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
        problem_count,
        row_number() over (
            partition by source order by imported_at desc, version_id desc
        ) = 1 as is_latest
    from source
)

select * from renamed;
