-- 0050_posting_duplicates: near-duplicate postings across boards and sources (issue 5 item 5)
-- and the normalized crawl report (item 6). Written by warehouse.dedupe.detect_duplicates;
-- read through stg_dedupe__posting_duplicates, int_posting_canonical and stg_crawl__reports.

-- posting_duplicates: one row per posting that duplicates another; canonical_key is the
-- posting_key of its group's canonical posting (which has no row here). Rebuilt whole by each
-- detection. method: 'dedupe_key' (same crawl dedupe_key, descriptions agree) or 'fuzzy'
-- (same employer, similar title and description, compatible places); score in [0, 1].
create table posting_duplicates (
    posting_key varchar primary key,
    canonical_key varchar not null,
    method varchar not null check (method in ('dedupe_key', 'fuzzy')),
    score double not null check (score between 0 and 1),
    detected_at timestamp not null
);

-- posting_duplicate_runs: one row per (run_id, source): the source's active postings when the
-- run detected duplicates, and how many of them duplicate a posting kept as canonical.
create table posting_duplicate_runs (
    run_id varchar not null,
    source varchar not null,
    postings integer not null,
    duplicates integer not null,
    detected_at timestamp not null,
    primary key (run_id, source)
);
