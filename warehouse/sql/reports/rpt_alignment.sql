-- rpt_alignment: how well each active credential covers the demanded skills D.
-- Grain: one row per active credential; rank 1 = highest coverage (ties: title, key).
-- Columns (CSV order): rank, title, provider, kind, source, coverage (0..1, 4 decimals, empty
-- when no skill is demanded), covered_count, demanded_count, url, credential_key.
-- Params: none
-- Upstream: mart_credential_alignment.
select
    row_number() over (
        order by coverage desc nulls last, title, credential_key
    ) as rank,
    title,
    provider,
    kind,
    source_name as source,
    round(coverage, 4) as coverage,
    covered_count,
    demanded_count,
    url,
    credential_key
from mart_credential_alignment
order by rank;
