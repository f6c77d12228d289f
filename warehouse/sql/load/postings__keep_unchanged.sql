-- Keep the postings that a 304 page stood for (`unchanged` records): open, last_seen moved,
-- content untouched. Rows also in the batch are left to the merge.
-- Params: $seen_at. Upstream: _unchanged (key, source), _batch, postings.
update postings
set last_seen = $seen_at, closed_at = null, active = true
where
    posting_key in (select u.key from _unchanged as u)
    and posting_key not in (select b.posting_key from _batch as b);
