-- The concepts of one imported version. Params: $version_id. Upstream: taxonomy_concepts.
select concept_id, kind, label, code, alt_labels, description, parent
from taxonomy_concepts
where version_id = $version_id
order by concept_id;
