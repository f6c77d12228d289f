-- The newest imported version of each source, oldest source first.
-- Grain: one row per source. Upstream: taxonomy_imports.
select version_id, source, release, checksum, imported_at, document
from taxonomy_imports
qualify row_number() over (partition by source order by imported_at desc, version_id desc) = 1
order by source;
