-- stg_extract__skill_mentions: one row per extracted skill span (all vocabularies, current and
-- stale content alike; int_document_skills keeps the current ones).
-- Upstream: table skill_mentions.
create or replace view stg_extract__skill_mentions as
with source as (
    select * from skill_mentions
),

renamed as (
    select
        doc_kind,
        doc_key,
        skill_id,
        start_char,
        end_char,
        surface,
        method as extract_method,
        confidence,
        section,
        taxonomy_version,
        content_hash,
        extracted_at
    from source
)

select * from renamed;
