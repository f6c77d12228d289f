-- Forget every resolution before a full re-link. Upstream: credential_skills.
update credential_skills set skill_id = null, method = null where skill_id is not null;
