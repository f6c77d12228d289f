-- Distinct declared skill names still to resolve.
-- Grain: one row per name. Upstream: credential_skills.
select distinct name
from credential_skills
where skill_id is null
order by name;
