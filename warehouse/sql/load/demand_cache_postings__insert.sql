-- Store the canonical postings (live, since the cache state was cleared first).
-- Upstream: int_live_canonical_postings.
insert into demand_cache_postings by name
select * from int_live_canonical_postings;
