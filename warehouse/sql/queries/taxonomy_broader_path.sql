-- The broader chain of a concept in the newest version of every source, nearest first.
-- Params: $concept_ids (list). Grain: one row per (start, depth). Upstream: taxonomy_imports,
-- taxonomy_relations, taxonomy_concepts,
-- taxonomy_source_skills.
with recursive latest as (
    select version_id
    from taxonomy_imports
    qualify row_number() over (partition by source order by imported_at desc, version_id desc) = 1
),

edges as (
    -- the first broader concept of each child only: ESCO skills may have several
    select r.child, min(r.parent) as parent
    from taxonomy_relations as r
    inner join latest as l on r.version_id = l.version_id
    where r.kind in ('broader', 'member')
    group by r.child
),

names as (
    select concept_id as id, label from taxonomy_concepts
    union all
    select source_id as id, label from taxonomy_source_skills
),

path (start_id, concept_id, depth) as (
    select e.child, e.parent, 1
    from edges as e
    where e.child in (select unnest($concept_ids))
    union
    select p.start_id, e.parent, p.depth + 1
    from path as p
    inner join edges as e on p.concept_id = e.child
    where p.depth < 8
),

final as (
    select p.start_id, p.depth, p.concept_id, min(n.label) as label
    from path as p
    left join names as n on p.concept_id = n.id
    group by p.start_id, p.depth, p.concept_id
)

select * from final
order by start_id, depth, concept_id;
