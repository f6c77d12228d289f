-- Store the (canonical posting, skill) demand pairs (live, since the cache state was cleared
-- first). Upstream: int_live_canonical_posting_skills.
insert into demand_cache_skills by name
select * from int_live_canonical_posting_skills;
