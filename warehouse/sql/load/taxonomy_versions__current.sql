-- The current vocabulary. Grain: zero or one row. Upstream: taxonomy_versions.
select version_id
from taxonomy_versions
where is_current
order by imported_at desc, version_id desc
limit 1;
