-- Resolve declared skills whose alignment names a skill of the vocabulary: the target URL or
-- the code is a skill_id (an ESCO concept URI), or the code is the UUID of one in an ESCO
-- framework. O*NET and Lightcast alignments stay unresolved until the vocabulary holds their
-- ids. Upstream: credential_skills, skills.
update credential_skills
set skill_id = s.skill_id, method = 'alignment'
from skills as s
where
    credential_skills.skill_id is null
    and (
        s.skill_id = credential_skills.target_url
        or s.skill_id = credential_skills.code
        or (
            credential_skills.framework ilike '%esco%'
            and s.skill_id = 'http://data.europa.eu/esco/skill/' || credential_skills.code
        )
    );
