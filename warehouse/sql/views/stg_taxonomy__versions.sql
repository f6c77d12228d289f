-- stg_taxonomy__versions: one row per imported vocabulary; exactly one is_current after the
-- first import.
-- Upstream: table taxonomy_versions.
create or replace view stg_taxonomy__versions as
with source as (
    select * from taxonomy_versions
),

renamed as (
    select
        version_id,
        source as taxonomy_source,
        version,
        attribution,
        checksum,
        imported_at,
        is_current
    from source
)

select * from renamed;
