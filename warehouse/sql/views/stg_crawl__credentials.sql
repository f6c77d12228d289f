-- stg_crawl__credentials: one row per credential (credential_key), open and closed.
-- Upstream: table credentials.
create or replace view stg_crawl__credentials as
with source as (
    select * from credentials
),

renamed as (
    select
        credential_key,
        source as source_name,
        source_id,
        provider,
        kind,
        title,
        url,
        description,
        level,
        hours,
        price,
        currency,
        language,
        issuer,
        duration,
        status,
        content_hash,
        first_seen,
        last_seen,
        closed_at,
        active
    from source
)

select * from renamed;
