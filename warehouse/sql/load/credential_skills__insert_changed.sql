-- Insert declared skills of new or changed credentials (run before credentials__merge);
-- skill_id stays NULL until link_credential_skills. Upstream: _skills, _batch, credentials.
insert into credential_skills (
    credential_key, position, name, skill_id, method, framework, code, target_url
)
select s.credential_key, s.position, s.name, null, null, s.framework, s.code, s.target_url
from _skills as s
inner join _batch as b on s.credential_key = b.credential_key
left join credentials as c on s.credential_key = c.credential_key
where c.credential_key is null or c.content_hash <> b.content_hash;
