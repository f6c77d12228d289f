-- Drop stack relations of credentials whose content changed (run before credentials__merge).
-- Upstream: _batch, credentials, credential_relations.
delete from credential_relations
where credential_key in (
    select b.credential_key
    from _batch as b
    inner join credentials as c on b.credential_key = c.credential_key
    where c.content_hash <> b.content_hash
);
