-- Close active credentials of completely crawled sources that are absent from the batch.
-- Params: $complete_sources (list of source names), $seen_at. Upstream: _batch, credentials.
update credentials
set active = false, closed_at = $seen_at
where
    active
    and list_contains($complete_sources, source)
    and credential_key not in (select b.credential_key from _batch as b);
