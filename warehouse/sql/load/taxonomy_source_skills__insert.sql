-- Insert one version's skills; the first row of a repeated source_id wins. Params: $version_id.
-- Upstream: _skills (registered Arrow table, taxonomy.tables SourceSkill schema).
insert into taxonomy_source_skills (
    version_id, source, source_id, label, alt_labels, description, category, subcategory,
    skill_type
)
select
    $version_id, source, source_id, label, alt_labels, description, category, subcategory,
    skill_type
from _skills
where source_id is not null and label is not null
qualify row_number() over (partition by source_id) = 1;
