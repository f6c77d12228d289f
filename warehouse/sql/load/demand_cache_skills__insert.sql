-- Store the (canonical posting, skill) demand pairs; int_canonical_posting_skills computes
-- them live (from the canonical postings just stored), since compute_scores has not recorded
-- demand_cache_skills in demand_cache_state yet. Upstream: int_canonical_posting_skills.
insert into demand_cache_skills by name
select * from int_canonical_posting_skills;
