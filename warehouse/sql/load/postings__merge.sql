-- Upsert a batch of postings. New: first_seen = last_seen = $seen_at, active. Changed content:
-- content fields + content_hash. Always: url, last_seen, active again (closed_at cleared).
-- Upstream: _batch (registered Arrow table, schema warehouse.records.batch_schema('posting')).
merge into postings as p
using _batch as b on p.posting_key = b.posting_key
when matched and p.content_hash <> b.content_hash then update set
    url = b.url,
    title = b.title,
    employer = b.employer,
    location = b.location,
    country = b.country,
    remote = b.remote,
    employment_type = b.employment_type,
    date_posted = b.date_posted,
    valid_through = b.valid_through,
    salary_min = b.salary_min,
    salary_max = b.salary_max,
    salary_currency = b.salary_currency,
    salary_period = b.salary_period,
    language = b.language,
    description = b.description,
    dedupe_key = b.dedupe_key,
    content_hash = b.content_hash,
    last_seen = $seen_at,
    closed_at = null,
    active = true
when matched then update set
    url = b.url,
    dedupe_key = b.dedupe_key,
    last_seen = $seen_at,
    closed_at = null,
    active = true
when not matched then insert (
    posting_key, source, source_id, url, title, employer, location, country, remote,
    employment_type, date_posted, valid_through, salary_min, salary_max, salary_currency,
    salary_period, language, description, dedupe_key, content_hash, first_seen, last_seen,
    closed_at, active
) values (
    b.posting_key, b.source, b.source_id, b.url, b.title, b.employer, b.location, b.country,
    b.remote, b.employment_type, b.date_posted, b.valid_through, b.salary_min, b.salary_max,
    b.salary_currency, b.salary_period, b.language, b.description, b.dedupe_key, b.content_hash,
    $seen_at, $seen_at, null, true
);
