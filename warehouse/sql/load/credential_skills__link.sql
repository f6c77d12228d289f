-- Fill skill_id for declared names from a name -> skill_id mapping. Params: $method.
-- Upstream: _skill_map (registered Arrow table: name, skill_id), credential_skills.
update credential_skills
set skill_id = m.skill_id, method = $method
from _skill_map as m
where credential_skills.name = m.name and credential_skills.skill_id is null;
