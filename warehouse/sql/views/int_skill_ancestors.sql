-- int_skill_ancestors: one row per (skill, broader concept) up the `broader` hierarchy
-- (broader skills and skill groups) of the newest import of each source vocabulary, depth 1 =
-- direct parent, up to 8 levels; shortest depth.
-- Upstream: stg_taxonomy__relations, stg_taxonomy__imports.
create or replace view int_skill_ancestors as
with recursive imports as (
    select * from stg_taxonomy__imports
),

relations as (
    select distinct r.skill_id, r.broader_id
    from stg_taxonomy__relations as r
    inner join imports as i on r.version_id = i.version_id and i.is_latest
    where r.relation_kind = 'broader'
),

walk(skill_id, ancestor_id, depth) as (
    select skill_id, broader_id, 1 from relations
    union
    select w.skill_id, r.broader_id, w.depth + 1
    from walk as w
    inner join relations as r on w.ancestor_id = r.skill_id
    where w.depth < 8
),

final as (
    select skill_id, ancestor_id, min(depth) as depth
    from walk
    where skill_id <> ancestor_id
    group by skill_id, ancestor_id
)

select * from final;
