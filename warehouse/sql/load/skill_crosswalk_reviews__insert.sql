-- Insert a crosswalk's review list.
-- Upstream: _reviews (source, source_id, label, candidate_id, candidate_label, method, score).
insert into skill_crosswalk_reviews (
    source, source_id, label, candidate_id, candidate_label, method, score
)
select distinct source, source_id, label, candidate_id, candidate_label, method, score
from _reviews;
