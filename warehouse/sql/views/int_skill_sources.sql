-- int_skill_sources: one row per canonical skill with its id in each source vocabulary, so a
-- demand figure counted on one canonical skill can be reported in ESCO, Lightcast or O*NET terms.
-- Upstream: skill_canonical, stg_taxonomy__crosswalk.
create or replace view int_skill_sources as
with canonical as (
    select * from skill_canonical
),

crosswalk as (
    select * from stg_taxonomy__crosswalk
),

final as (
    select
        canonical.canonical_id,
        canonical.label,
        canonical.source as anchor_source,
        list(crosswalk.source_id order by crosswalk.source_id)
            filter (where crosswalk.taxonomy_source = 'esco') as esco_ids,
        list(crosswalk.source_id order by crosswalk.source_id)
            filter (where crosswalk.taxonomy_source = 'lightcast') as lightcast_ids,
        list(crosswalk.source_id order by crosswalk.source_id)
            filter (where crosswalk.taxonomy_source = 'onet') as onet_ids,
        count(crosswalk.source_id) as link_count
    from canonical
    left join crosswalk on canonical.canonical_id = crosswalk.canonical_id
    group by canonical.canonical_id, canonical.label, canonical.source
)

select * from final;
