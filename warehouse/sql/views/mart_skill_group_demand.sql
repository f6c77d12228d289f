-- mart_skill_group_demand: rollup of demand up the skill hierarchy. One row per broader
-- concept (broader skill or ESCO skill group) with at least one canonical posting in the
-- window mentioning it or any skill below it; a posting counts once per concept.
-- share = those postings / postings in the window.
-- Upstream: int_demand_posting_skills, int_demand_postings, int_skill_ancestors,
-- stg_taxonomy__skills, int_taxonomy_concepts.
create or replace view mart_skill_group_demand as
with posting_skills as (
    select * from int_demand_posting_skills where in_window
),

demand_postings as (
    select * from int_demand_postings where in_window
),

ancestors as (
    select * from int_skill_ancestors
),

skills as (
    select * from stg_taxonomy__skills
),

concepts as (
    select * from int_taxonomy_concepts
),

totals as (
    select count(*) as total from demand_postings
),

reached as (
    select ps.canonical_key, ps.skill_id as group_id
    from posting_skills as ps
    union
    select ps.canonical_key, a.ancestor_id as group_id
    from posting_skills as ps
    inner join ancestors as a on ps.skill_id = a.skill_id
),

counts as (
    select group_id, count(*) as postings
    from reached
    group by group_id
),

final as (
    select
        c.group_id,
        coalesce(s.label, cc.label, c.group_id) as label,
        coalesce(cc.concept_kind, 'skill') as group_kind,
        cc.code,
        c.postings,
        c.postings / t.total as share,
        (select count(*) from ancestors as a where a.ancestor_id = c.group_id) as narrower_skills
    from counts as c
    cross join totals as t
    left join skills as s on c.group_id = s.skill_id
    left join concepts as cc on c.group_id = cc.concept_id
    where exists (select 1 from ancestors as a where a.ancestor_id = c.group_id)
)

select * from final;
