-- int_canonical_posting_skills: one row per (canonical posting, skill) that counts as demand;
-- the rules are in int_live_canonical_posting_skills. Reads the rows compute_scores stored
-- (demand_cache_skills) while they match the warehouse (int_demand_cache_state), else
-- computes them live: the result is the same either way.
-- Columns: canonical_key, skill_id.
-- Upstream: int_demand_cache_state, int_live_canonical_posting_skills.
create or replace view int_canonical_posting_skills as
with cache_state as (
    select * from int_demand_cache_state
),

cached as (
    select * from demand_cache_skills where (select fresh from cache_state)
),

live as (
    select * from int_live_canonical_posting_skills
),

final as (
    select * from cached
    union all by name
    select * from live
)

select * from final;
