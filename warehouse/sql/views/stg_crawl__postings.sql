-- stg_crawl__postings: one row per posting (posting_key), open and closed.
-- Upstream: table postings.
create or replace view stg_crawl__postings as
with source as (
    select * from postings
),

renamed as (
    select
        posting_key,
        source as source_name,
        source_id,
        url,
        title,
        employer,
        location,
        country,
        remote,
        employment_type,
        date_posted as posted_at,
        valid_through,
        salary_min,
        salary_max,
        salary_currency,
        salary_period,
        language,
        description,
        dedupe_key,
        content_hash,
        first_seen,
        last_seen,
        closed_at,
        active
    from source
)

select * from renamed;
