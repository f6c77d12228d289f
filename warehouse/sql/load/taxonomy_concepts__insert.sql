-- Insert one version's concepts; the first row of a repeated concept_id wins. Params: $version_id.
-- Upstream: _concepts (registered Arrow table, taxonomy.tables Concept schema).
insert into taxonomy_concepts (
    version_id, concept_id, kind, label, code, alt_labels, description, parent
)
select $version_id, concept_id, kind, label, code, alt_labels, description, parent
from _concepts
where concept_id is not null and label is not null
qualify row_number() over (partition by concept_id) = 1;
