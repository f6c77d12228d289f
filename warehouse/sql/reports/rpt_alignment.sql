-- rpt_alignment: how well each active credential covers the demanded skills D of the scope.
-- Grain: one row per active credential; rank 1 = highest score (ties: coverage, title, key).
-- Columns (CSV order): rank, title, provider, kind, source, coverage (plain, 0..1, 4 decimals,
-- empty when no skill is demanded), covered_count, demanded_count, url, credential_key,
-- score (weighted, with partial credit), score_low, score_high (band), relevance, hours, price.
-- Params: credential=
-- Upstream: mart_credential_alignment.
select
    row_number() over (
        order by score desc nulls last, coverage desc nulls last, title, credential_key
    ) as rank,
    title,
    provider,
    kind,
    source_name as source,
    round(coverage, 4) as coverage,
    covered_count,
    demanded_count,
    url,
    credential_key,
    round(score, 4) as score,
    round(score_low, 4) as score_low,
    round(score_high, 4) as score_high,
    round(relevance, 4) as relevance,
    hours,
    price
from mart_credential_alignment
qualify
    $credential = ''
    or credential_key = $credential
    or title ilike '%' || $credential || '%'
order by rank;
