-- int_live_canonical_posting_skills: int_canonical_posting_skills computed from the loaded
-- rows; empty while the cache compute_scores stored is fresh (int_demand_cache_state). One row
-- per (canonical posting, skill) mentioned by any of its member postings (so a duplicate
-- posting counts once). Only mentions of a member's CURRENT content with the CURRENT
-- vocabulary count, and none from benefits, about-the-company, equal-opportunity or
-- how-to-apply sections (section NULL = unknown, kept). Reads the mentions directly (not
-- int_document_skills) because this is the large join of the demand marts.
-- Upstream: int_demand_cache_state, stg_extract__skill_mentions, stg_taxonomy__versions,
-- stg_taxonomy__skills, int_live_canonical_postings.
create or replace view int_live_canonical_posting_skills as
with cache_state as (
    select * from int_demand_cache_state
),

mentions as (
    select * from stg_extract__skill_mentions where not (select fresh from cache_state)
),

versions as (
    select * from stg_taxonomy__versions
),

skills as (
    select * from stg_taxonomy__skills
),

members as (
    select * from int_live_canonical_postings
),

final as (
    select distinct mb.canonical_key, m.skill_id
    from mentions as m
    inner join versions as v on m.taxonomy_version = v.version_id and v.is_current
    inner join members as mb on m.doc_key = mb.posting_key
    inner join skills as s on m.skill_id = s.skill_id
    where
        m.doc_kind = 'posting'
        and m.content_hash = mb.content_hash
        and (
            m.section is null
            or m.section not in ('benefits', 'about', 'equal_opportunity', 'how_to_apply')
        )
)

select * from final;
