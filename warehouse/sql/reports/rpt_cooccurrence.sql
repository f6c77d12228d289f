-- rpt_cooccurrence: which demanded skills are asked for together.
-- Grain: one row per ordered pair of skills in D with at least $min_postings postings together.
-- Columns (CSV order): skill_id, label, other_skill_id, other_label, postings_together,
-- together_share (P(other | skill)), lift (4 decimals).
-- Params: min_postings=1
-- Upstream: mart_skill_cooccurrence.
select
    skill_id,
    label,
    other_skill_id,
    other_label,
    postings_together,
    round(together_share, 4) as together_share,
    round(lift, 4) as lift
from mart_skill_cooccurrence
where postings_together >= $min_postings
order by postings_together desc, skill_id, other_skill_id;
