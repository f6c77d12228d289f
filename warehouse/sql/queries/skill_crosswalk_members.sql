-- The source skills linked to one canonical skill. Params: $canonical_id.
-- Grain: one row per source skill. Upstream: skill_crosswalk, skill_canonical.
select c.canonical_id, c.label as canonical_label, x.source as vocabulary, x.source_id, x.label, x.method, x.score
from skill_canonical as c
inner join skill_crosswalk as x on c.canonical_id = x.canonical_id
where c.canonical_id = $canonical_id
order by x.source, x.source_id;
