-- int_posting_canonical: one row per posting (open and closed) with the canonical posting of
-- its near-duplicate group (warehouse.dedupe). A posting without a duplicate row is its own
-- canonical. Count demand over `is_canonical` rows (one per job, however many boards list it);
-- a group is open while any member is (`group_active`).
-- Upstream: stg_crawl__postings, stg_dedupe__posting_duplicates.
create or replace view int_posting_canonical as
with postings as (
    select * from stg_crawl__postings
),

duplicates as (
    select * from stg_dedupe__posting_duplicates
),

joined as (
    select
        p.posting_key,
        coalesce(d.canonical_key, p.posting_key) as canonical_key,
        d.posting_key is null as is_canonical,
        d.duplicate_method,
        d.duplicate_score,
        p.active
    from postings as p
    left join duplicates as d on p.posting_key = d.posting_key
),

final as (
    select
        posting_key,
        canonical_key,
        is_canonical,
        duplicate_method,
        duplicate_score,
        bool_or(active) over (partition by canonical_key) as group_active
    from joined
)

select * from final;
