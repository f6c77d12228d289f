-- Insert stack relations of new or changed credentials (run before credentials__merge).
-- target_key = sha256(source || 0x1f || target_source_id)[:16]: the target's credential_key
-- when it is in the same source. Upstream: _relations, _batch, credentials.
insert into credential_relations (
    credential_key, position, relation_type, target_source_id, target_key, target_url
)
select
    r.credential_key,
    r.position,
    r.relation_type,
    r.target_source_id,
    left(sha256(b.source || chr(31) || r.target_source_id), 16) as target_key,
    r.target_url
from _relations as r
inner join _batch as b on r.credential_key = b.credential_key
left join credentials as c on r.credential_key = c.credential_key
where c.credential_key is null or c.content_hash <> b.content_hash;
