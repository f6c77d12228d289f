-- int_canonical_postings: one row per posting (open and closed) with the canonical posting it
-- belongs to. A near-duplicate (warehouse.dedupe, posting_duplicates) first takes the place
-- of its group's canonical posting; then postings share a canonical_key: the crawl's
-- cross-board dedupe_key when there is one, else a fingerprint of (source, title, employer,
-- location, description), so a re-posted ad within a source collapses too (content_hash
-- includes source_id, so it cannot); the key is the 128-bit md5_number of either, and
-- canonical_id numbers the keys 1, 2, ... in key order (a compact join key). A canonical
-- posting is active when any member is; its attributes come from its first member (active
-- first, then earliest posted, then posting_key). posted_date = date_posted, else first_seen.
-- Its occupation is the most confident one of its members. (Window functions carry the first
-- member's attributes, so DuckDB estimates this view's size right and builds its hash joins
-- on the smaller side.)
-- The rows compute_scores stored (demand_cache_postings) while they match the warehouse
-- (int_demand_cache_state), else the same rows computed live (the live part reads no row
-- then, so it costs nothing).
-- Upstream: int_demand_cache_state, stg_crawl__postings, stg_dedupe__posting_duplicates,
-- stg_classify__posting_occupations, int_taxonomy_concepts.
create or replace view int_canonical_postings as
with cache_state as (
    select * from int_demand_cache_state
),

cached as (
    select * from demand_cache_postings where (select postings_fresh from cache_state)
),

postings as (
    select * from stg_crawl__postings where not (select postings_fresh from cache_state)
),

occupations as (
    select * from stg_classify__posting_occupations
),

concepts as (
    select * from int_taxonomy_concepts
),

near_duplicates as (
    select * from stg_dedupe__posting_duplicates
),

based as (
    select p.*, coalesce(n.canonical_key, p.posting_key) as base_key
    from postings as p
    left join near_duplicates as n on p.posting_key = n.posting_key
),

keyed as (
    select
        bp.*,
        md5_number(coalesce(
            'd' || b.dedupe_key,
            'h' || concat_ws(
                chr(31), b.source_name, lower(b.title), lower(coalesce(b.employer, '')),
                lower(coalesce(b.location, '')), b.description
            )
        )) as canonical_key,
        cast(coalesce(bp.posted_at, bp.first_seen) as date) as posted_date
    from based as bp
    inner join postings as b on bp.base_key = b.posting_key
),

members as (
    select k.*, o.occupation_uri, o.isco_code, o.occupation_confidence
    from keyed as k
    left join occupations as o on k.posting_key = o.posting_key
),

ranked as (
    select
        posting_key,
        canonical_key,
        content_hash,
        row_number() over head_first = 1 as is_canonical,
        bool_or(active) over canonical as active,
        first_value(source_name) over head_first as source_name,
        first_value(employer) over head_first as employer,
        first_value(country) over head_first as country,
        first_value(location) over head_first as location,
        first_value(remote) over head_first as remote,
        first_value(posted_date) over head_first as posted_date,
        first_value(occupation_uri) over confident_first as occupation_uri,
        first_value(isco_code) over confident_first as isco_code,
        first_value(occupation_confidence) over confident_first as occupation_confidence
    from members
    window
        canonical as (partition by canonical_key),
        head_first as (
            partition by canonical_key order by active desc, posted_date, posting_key
        ),
        confident_first as (
            partition by canonical_key
            order by occupation_confidence desc nulls last, posting_key
        )
),

live as (
    select
        r.posting_key,
        r.canonical_key,
        cast(dense_rank() over (order by r.canonical_key) as integer) as canonical_id,
        r.content_hash,
        r.is_canonical,
        r.active,
        r.source_name,
        r.employer,
        r.country,
        r.location,
        r.remote,
        r.posted_date,
        r.occupation_uri,
        oc.label as occupation_label,
        r.isco_code,
        r.occupation_confidence
    from ranked as r
    left join concepts as oc on r.occupation_uri = oc.concept_id
),

final as (
    select * from cached
    union all by name
    select * from live
)

select * from final;
