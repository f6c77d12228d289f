-- Close active postings of completely crawled sources that are absent from the batch
-- and not stood for by an `unchanged` record (a page that answered 304).
-- Params: $complete_sources (list of source names), $seen_at.
-- Upstream: _batch, _unchanged, postings.
update postings
set active = false, closed_at = $seen_at
where
    active
    and list_contains($complete_sources, source)
    and posting_key not in (select b.posting_key from _batch as b)
    and posting_key not in (select u.key from _unchanged as u);
