-- rpt_gaps: the most demanded skills each active credential misses.
-- Grain: one row per (credential, missing skill), gap_rank <= $per_credential; $credential
-- keeps one credential (its key, or part of its title).
-- Columns (CSV order): title, provider, gap_rank, skill_id, label, share (0..1, 4 decimals),
-- demand_rank, credential_key, partial_credit (credit earned through a narrower skill).
-- Params: per_credential=10, credential=
-- Upstream: mart_credential_gaps.
select
    title,
    provider,
    gap_rank,
    skill_id,
    label,
    round(share, 4) as share,
    demand_rank,
    credential_key,
    round(partial_credit, 4) as partial_credit
from mart_credential_gaps
where
    gap_rank <= $per_credential
    and (
        $credential = ''
        or credential_key = $credential
        or title ilike '%' || $credential || '%'
    )
order by title, credential_key, gap_rank;
