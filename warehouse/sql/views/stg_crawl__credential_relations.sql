-- stg_crawl__credential_relations: one row per (credential_key, relation_type,
-- target_source_id): a stack relation a credential declares (part_of, has_part, prerequisite).
-- target_key is the target's credential_key when the target is in the same source.
-- Upstream: table credential_relations.
create or replace view stg_crawl__credential_relations as
with source as (
    select * from credential_relations
),

renamed as (
    select
        credential_key,
        position,
        relation_type,
        target_source_id,
        target_key,
        target_url
    from source
)

select * from renamed;
