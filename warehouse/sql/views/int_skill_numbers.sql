-- int_skill_numbers: one row per skill of the current vocabulary, numbered skill_no = 1, 2, ...
-- in skill_id order: the compact key of the large demand tables (int_canonical_posting_skills
-- and the demand marts group on it and turn it back into skill_id and label at the end). The
-- numbers depend only on the vocabulary, which int_demand_inputs covers, so the ones
-- compute_scores stored stay valid while the cache is fresh.
-- Upstream: stg_taxonomy__skills.
create or replace view int_skill_numbers as
with skills as (
    select * from stg_taxonomy__skills
),

final as (
    select
        cast(row_number() over (order by skill_id) as integer) as skill_no,
        skill_id,
        label
    from skills
)

select * from final;
