-- Classify a batch of credentials against the table before it is merged.
-- Grain: one row (counts). Upstream: _batch (registered Arrow table), credentials.
select
    count(*) filter (where c.credential_key is null) as inserted,
    count(*) filter (where c.content_hash <> b.content_hash) as updated,
    count(*) filter (where c.content_hash = b.content_hash) as unchanged,
    count(*) filter (where not c.active) as reopened
from _batch as b
left join credentials as c on b.credential_key = c.credential_key;
