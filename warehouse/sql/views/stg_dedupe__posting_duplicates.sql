-- stg_dedupe__posting_duplicates: one row per posting that duplicates another (see
-- 0050_posting_duplicates); renamed only. Upstream: posting_duplicates (table).
create or replace view stg_dedupe__posting_duplicates as
with source as (
    select * from posting_duplicates
),

renamed as (
    select
        posting_key,
        canonical_key,
        method as duplicate_method,
        score as duplicate_score,
        detected_at as duplicate_detected_at
    from source
)

select * from renamed;
