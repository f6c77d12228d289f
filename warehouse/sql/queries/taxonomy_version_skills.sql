-- The skills of one imported version. Params: $version_id. Upstream: taxonomy_source_skills.
select source, source_id, label, alt_labels, description, category, subcategory, skill_type
from taxonomy_source_skills
where version_id = $version_id
order by source_id;
