-- Upsert a batch of credentials (same rules as postings__merge.sql).
-- Upstream: _batch (registered Arrow table, schema warehouse.records.batch_schema('credential')).
merge into credentials as c
using _batch as b on c.credential_key = b.credential_key
when matched and c.content_hash <> b.content_hash then update set
    url = b.url,
    provider = b.provider,
    kind = b.kind,
    title = b.title,
    description = b.description,
    level = b.level,
    hours = b.hours,
    price = b.price,
    currency = b.currency,
    language = b.language,
    issuer = b.issuer,
    duration = b.duration,
    status = b.status,
    content_hash = b.content_hash,
    last_seen = $seen_at,
    closed_at = null,
    active = true
when matched then update set
    url = b.url,
    last_seen = $seen_at,
    closed_at = null,
    active = true
when not matched then insert (
    credential_key, source, source_id, provider, kind, title, url, description, level, hours,
    price, currency, language, issuer, duration, status, content_hash, first_seen, last_seen,
    closed_at, active
) values (
    b.credential_key, b.source, b.source_id, b.provider, b.kind, b.title, b.url, b.description,
    b.level, b.hours, b.price, b.currency, b.language, b.issuer, b.duration, b.status,
    b.content_hash, $seen_at, $seen_at, null, true
);
