-- Classify a batch of postings against the table before it is merged.
-- Grain: one row (counts). Upstream: _batch (registered Arrow table), postings.
select
    count(*) filter (where p.posting_key is null) as inserted,
    count(*) filter (where p.content_hash <> b.content_hash) as updated,
    count(*) filter (where p.content_hash = b.content_hash) as unchanged,
    count(*) filter (where not p.active) as reopened
from _batch as b
left join postings as p on b.posting_key = p.posting_key;
