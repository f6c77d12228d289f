-- int_posting_skills: one row per (ACTIVE posting, skill) mentioned in it.
-- Upstream: int_document_skills, stg_crawl__postings.
create or replace view int_posting_skills as
with document_skills as (
    select * from int_document_skills
),

postings as (
    select * from stg_crawl__postings
),

final as (
    select p.posting_key, ds.skill_id, ds.mention_count
    from document_skills as ds
    inner join postings as p on ds.doc_key = p.posting_key
    where ds.doc_kind = 'posting' and p.active
)

select * from final;
