-- Insert a crosswalk's links; the first link of a source skill wins.
-- Upstream: _links (canonical_id, source, source_id, label, method, score).
insert into skill_crosswalk (canonical_id, source, source_id, label, method, score)
select canonical_id, source, source_id, label, method, score
from _links
qualify row_number() over (partition by source, source_id) = 1;
