-- int_canonical_postings: one row per posting (open and closed) with the canonical posting it
-- belongs to and that posting's attributes; the rules are in int_live_canonical_postings.
-- Reads the rows compute_scores stored (demand_cache_postings) while they match the warehouse
-- (int_demand_cache_state), else computes them live: the result is the same either way.
-- Columns: posting_key, canonical_key, content_hash, is_canonical, active, source_name,
-- employer, country, location, remote, posted_date, occupation_uri, occupation_label,
-- isco_code, occupation_confidence.
-- Upstream: int_demand_cache_state, int_live_canonical_postings.
create or replace view int_canonical_postings as
with cache_state as (
    select * from int_demand_cache_state
),

cached as (
    select * from demand_cache_postings where (select fresh from cache_state)
),

live as (
    select * from int_live_canonical_postings
),

final as (
    select * from cached
    union all by name
    select * from live
)

select * from final;
