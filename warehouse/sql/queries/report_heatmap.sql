-- Credential x skill credit for the HTML report's heatmap: the $credentials best-scoring
-- credentials x the $skills most demanded skills. Grain: one row per (credential, skill).
-- Upstream: mart_credential_explanations, mart_credential_alignment.
with top_credentials as (
    select credential_key, title, score
    from mart_credential_alignment
    order by score desc nulls last, title, credential_key
    limit $credentials
)

select
    t.credential_key,
    t.title,
    round(t.score, 4) as score,
    e.demand_rank,
    e.label,
    round(e.credit, 4) as credit
from top_credentials as t
inner join mart_credential_explanations as e on t.credential_key = e.credential_key
where e.demand_rank <= $skills
order by t.score desc nulls last, t.title, t.credential_key, e.demand_rank;
