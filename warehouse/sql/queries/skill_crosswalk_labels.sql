-- Every label of every canonical skill, for fuzzy search (the canonical label and each
-- source label). Grain: one row per (canonical_id, label). Upstream: skill_canonical,
-- skill_crosswalk.
select canonical_id, label from skill_canonical
union
select canonical_id, label from skill_crosswalk
order by canonical_id, label;
