-- rpt_explain: per demanded skill, why a credential scores what it does.
-- Grain: one row per (credential, skill in D); $credential keeps one credential (its key, or
-- part of its title). Contributions of a credential add up to its score.
-- Columns (CSV order): title, demand_rank, skill_id, label, postings, share, evidence,
-- evidence_label, depth, credit, contribution (4 decimals), credential_key.
-- Params: credential=
-- Upstream: mart_credential_explanations.
select
    title,
    demand_rank,
    skill_id,
    label,
    postings,
    round(share, 4) as share,
    evidence,
    evidence_label,
    depth,
    round(credit, 4) as credit,
    round(contribution, 4) as contribution,
    credential_key
from mart_credential_explanations
where
    $credential = ''
    or credential_key = $credential
    or title ilike '%' || $credential || '%'
order by title, credential_key, demand_rank;
