-- Per source: newest version, its skills, and the crosswalk's links by method.
-- Grain: one row per (source, method). Upstream: taxonomy_imports, skill_crosswalk.
with latest as (
    select source, version_id, release, imported_at, skill_count
    from taxonomy_imports
    qualify row_number() over (partition by source order by imported_at desc, version_id desc) = 1
),

links as (
    select source, method, count(*) as link_count
    from skill_crosswalk
    group by source, method
),

final as (
    select
        coalesce(latest.source, links.source) as vocabulary,
        latest.release,
        latest.version_id,
        latest.imported_at,
        latest.skill_count,
        links.method,
        links.link_count
    from latest
    full outer join links on latest.source = links.source
)

select * from final
order by vocabulary, method;
