-- mart_skill_group_demand: rollup of demand up the skill hierarchy. One row per broader
-- concept (broader skill or ESCO skill group) with at least one canonical posting in the
-- window mentioning it or any skill below it; a posting counts once per concept (its
-- canonical_id is a bit set in a bitmap per concept, in blocks of 4096 ids, which is much
-- cheaper than a distinct over (posting, concept) pairs).
-- share = those postings / postings in the window.
-- Upstream: int_demand_posting_skills, int_demand_postings, int_skill_ancestors,
-- int_skill_numbers, int_taxonomy_concepts.
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
    select * from int_skill_numbers
),

concepts as (
    select * from int_taxonomy_concepts
),

totals as (
    select count(*) as total from demand_postings
),

broader as (
    select
        ancestor_id as group_id,
        count(*) as narrower_skills,
        cast(row_number() over (order by ancestor_id) as integer) as group_no
    from ancestors
    group by ancestor_id
),

reaches as (
    select s.skill_no, b.group_no
    from ancestors as a
    inner join broader as b on a.ancestor_id = b.group_id
    inner join skills as s on a.skill_id = s.skill_id
    union all
    select s.skill_no, b.group_no
    from broader as b
    inner join skills as s on b.group_id = s.skill_id
),

reached as (
    select
        r.group_no,
        ps.canonical_id // 4096 as id_block,
        bitstring_agg(ps.canonical_id % 4096, 0, 4095) as posting_bits
    from posting_skills as ps
    inner join reaches as r on ps.skill_no = r.skill_no
    group by r.group_no, id_block
),

counts as (
    select group_no, cast(sum(bit_count(posting_bits)) as bigint) as postings
    from reached
    group by group_no
),

final as (
    select
        b.group_id,
        coalesce(s.label, cc.label, b.group_id) as label,
        coalesce(cc.concept_kind, 'skill') as group_kind,
        cc.code,
        c.postings,
        c.postings / t.total as share,
        b.narrower_skills
    from counts as c
    inner join broader as b on c.group_no = b.group_no
    cross join totals as t
    left join skills as s on b.group_id = s.skill_id
    left join concepts as cc on b.group_id = cc.concept_id
)

select * from final;
