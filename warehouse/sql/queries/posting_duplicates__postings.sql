-- Postings to compare for near-duplicates (open and closed, so history windows dedupe too).
-- Grain: one row per posting_key. Upstream: postings.
select
    posting_key,
    source,
    title,
    employer,
    location,
    country,
    description,
    dedupe_key,
    language,
    salary_min,
    salary_max,
    first_seen,
    active
from postings
order by posting_key;
