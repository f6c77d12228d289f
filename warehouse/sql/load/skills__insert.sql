-- Insert the current vocabulary's skills; the first row of a repeated skill_id wins.
-- Params: $version_id. Upstream: _skills (registered Arrow table: skill_id, preferred_label,
-- description, skill_type, source).
insert into skills (
    skill_id, preferred_label, description, skill_type, source, taxonomy_version
)
select skill_id, preferred_label, description, skill_type, source, $version_id
from _skills
where skill_id is not null and preferred_label is not null
qualify row_number() over (partition by skill_id) = 1;
