-- Store a detection. Params: $detected_at. Upstream: _duplicates (registered Arrow table:
-- posting_key, canonical_key, method, score).
insert into posting_duplicates (posting_key, canonical_key, method, score, detected_at)
select d.posting_key, d.canonical_key, d.method, d.score, $detected_at
from _duplicates as d;
