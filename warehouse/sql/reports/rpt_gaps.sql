-- rpt_gaps: the most demanded skills each active credential misses.
-- Grain: one row per (credential, missing skill), gap_rank <= $per_credential.
-- Columns (CSV order): title, provider, gap_rank, skill_id, label, share (0..1, 4 decimals),
-- demand_rank, credential_key.
-- Params: per_credential=10
-- Upstream: mart_credential_gaps.
select
    title,
    provider,
    gap_rank,
    skill_id,
    label,
    round(share, 4) as share,
    demand_rank,
    credential_key
from mart_credential_gaps
where gap_rank <= $per_credential
order by title, credential_key, gap_rank;
