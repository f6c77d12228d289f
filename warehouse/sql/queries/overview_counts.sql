-- Headline counts for the run summary. Grain: one row.
-- Upstream: stg_crawl__postings, stg_crawl__credentials.
select
    (select count(*) from stg_crawl__postings where active) as active_postings,
    (select count(*) from stg_crawl__credentials where active) as credentials;
