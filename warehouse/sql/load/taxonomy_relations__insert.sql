-- Insert one version's relations. Params: $version_id.
-- Upstream: _relations (registered Arrow table: child, parent, kind).
insert into taxonomy_relations (version_id, child, parent, kind)
select distinct $version_id, child, parent, kind
from _relations
where child is not null and parent is not null and kind is not null;
