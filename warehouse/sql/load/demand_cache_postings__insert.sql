-- Store the canonical postings; int_canonical_postings computes them live, since
-- compute_scores cleared demand_cache_state first. Upstream: int_canonical_postings.
insert into demand_cache_postings by name
select * from int_canonical_postings;
