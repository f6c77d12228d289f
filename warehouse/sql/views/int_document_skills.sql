-- int_document_skills: one row per (doc_kind, doc_key, skill_id) extracted from the document's
-- CURRENT content with the CURRENT vocabulary (stale mentions are ignored); all documents.
-- Posting mentions in benefits, about-the-company, equal-opportunity and how-to-apply sections
-- are not demand and are left out (section NULL = unknown, kept).
-- Upstream: stg_extract__skill_mentions, stg_taxonomy__versions, stg_taxonomy__skills,
-- stg_crawl__postings, stg_crawl__credentials.
create or replace view int_document_skills as
with mentions as (
    select * from stg_extract__skill_mentions
),

versions as (
    select * from stg_taxonomy__versions
),

skills as (
    select * from stg_taxonomy__skills
),

postings as (
    select * from stg_crawl__postings
),

credentials as (
    select * from stg_crawl__credentials
),

documents as (
    select 'posting' as doc_kind, posting_key as doc_key, content_hash from postings
    union all
    select 'credential' as doc_kind, credential_key as doc_key, content_hash from credentials
),

current_mentions as (
    select m.*
    from mentions as m
    inner join versions as v on m.taxonomy_version = v.version_id and v.is_current
    inner join documents as d
        on
            m.doc_kind = d.doc_kind
            and m.doc_key = d.doc_key
            and m.content_hash = d.content_hash
    inner join skills as s on m.skill_id = s.skill_id
    where
        m.doc_kind <> 'posting'
        or m.section is null
        or m.section not in ('benefits', 'about', 'equal_opportunity', 'how_to_apply')
),

final as (
    select
        doc_kind,
        doc_key,
        skill_id,
        count(*) as mention_count,
        max(confidence) as max_confidence
    from current_mentions
    group by doc_kind, doc_key, skill_id
)

select * from final;
