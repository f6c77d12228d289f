-- int_demand_cache_state: one row: postings_fresh / skills_fresh / skill_demand_fresh =
-- demand_cache_postings / demand_cache_skills / demand_cache_skill_demand, filled by
-- compute_scores, were built from exactly the current inputs (their fingerprint in
-- demand_cache_state equals int_demand_inputs). False before the first compute_scores and
-- after any change to the postings, duplicates, occupations, mentions, vocabulary or scoring
-- constants; the views then compute the same rows live.
-- Upstream: int_demand_inputs.
create or replace view int_demand_cache_state as
with cache_state as (
    select * from demand_cache_state
),

inputs as (
    select * from int_demand_inputs
),

final as (
    select
        coalesce(bool_or(c.cache_table = 'demand_cache_postings'), false) as postings_fresh,
        coalesce(bool_or(c.cache_table = 'demand_cache_skills'), false) as skills_fresh,
        coalesce(bool_or(c.cache_table = 'demand_cache_skill_demand'), false)
            as skill_demand_fresh
    from cache_state as c
    inner join inputs as i on c.inputs_hash = i.inputs_hash
)

select * from final;
