-- Look up an imported source version by content. Params: $source, $checksum.
-- Grain: zero or one row. Upstream: taxonomy_imports.
select version_id
from taxonomy_imports
where source = $source and checksum = $checksum;
