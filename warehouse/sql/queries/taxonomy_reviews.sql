-- Crosswalk links left for review, best score first. Params: $limit.
-- Grain: one row per (source skill, candidate). Upstream: skill_crosswalk_reviews.
select source as vocabulary, source_id, label, candidate_id, candidate_label, method, score
from skill_crosswalk_reviews
order by score desc, source, label, candidate_id
limit $limit;
