-- rpt_skill_groups: demand rolled up the skill hierarchy (broader skills and skill groups).
-- Grain: one row per broader concept; rank 1 = most postings (ties: label, id).
-- Columns (CSV order): rank, group_id, label, group_kind, code, postings, share (4 decimals),
-- narrower_skills.
-- Params: limit=50
-- Upstream: mart_skill_group_demand.
select
    row_number() over (order by postings desc, label, group_id) as rank,
    group_id,
    label,
    group_kind,
    code,
    postings,
    round(share, 4) as share,
    narrower_skills
from mart_skill_group_demand
qualify rank <= $limit
order by rank;
