-- Look up an imported vocabulary by checksum. Params: $checksum.
-- Grain: zero or one row. Upstream: taxonomy_versions.
select version_id, is_current
from taxonomy_versions
where checksum = $checksum;
