-- The relations of one imported version. Params: $version_id. Upstream: taxonomy_relations.
select child, parent, kind
from taxonomy_relations
where version_id = $version_id
order by child, parent, kind;
