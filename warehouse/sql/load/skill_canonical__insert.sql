-- Insert the canonical skills of a crosswalk. Upstream: _canonical (canonical_id, label, source).
insert into skill_canonical (canonical_id, label, source)
select canonical_id, label, source
from _canonical
qualify row_number() over (partition by canonical_id) = 1;
