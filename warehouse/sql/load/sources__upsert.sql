-- Upsert the sources seen by a load. Params: $kind ('posting' | 'credential'), $seen_at.
-- Upstream: _sources (registered Arrow table: name).
insert into sources (name, kind, first_seen, last_seen)
select s.name, $kind, $seen_at, $seen_at
from _sources as s
on conflict (name) do update set last_seen = excluded.last_seen;
