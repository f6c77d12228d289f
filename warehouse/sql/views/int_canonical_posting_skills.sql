-- int_canonical_posting_skills: one row per (canonical posting, skill) mentioned by any of its
-- member postings (so a duplicate posting counts once), as (canonical_id, skill_no): the
-- compact keys of int_canonical_postings and int_skill_numbers. Only mentions of a member's
-- CURRENT content with the CURRENT vocabulary count, and none from benefits,
-- about-the-company, equal-opportunity or how-to-apply sections (section NULL = unknown,
-- kept). Reads the mentions directly (not int_document_skills) because this is the large join
-- of the demand marts.
-- The rows compute_scores stored (demand_cache_skills) while they match the warehouse
-- (int_demand_cache_state), else the same rows computed live (the live part reads no row
-- then, so it costs nothing).
-- Upstream: int_demand_cache_state, stg_extract__skill_mentions, stg_taxonomy__versions,
-- int_skill_numbers, int_canonical_postings.
create or replace view int_canonical_posting_skills as
with cache_state as (
    select * from int_demand_cache_state
),

cached as (
    select * from demand_cache_skills where (select skills_fresh from cache_state)
),

mentions as (
    select * from stg_extract__skill_mentions where not (select skills_fresh from cache_state)
),

versions as (
    select * from stg_taxonomy__versions
),

skills as (
    select * from int_skill_numbers
),

members as (
    select * from int_canonical_postings where not (select skills_fresh from cache_state)
),

live as (
    select distinct mb.canonical_id, s.skill_no
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
),

final as (
    select * from cached
    union all by name
    select * from live
)

select * from final;
