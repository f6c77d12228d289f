-- Empty demand_cache_skills before compute_scores refills it. Upstream: none.
delete from demand_cache_skills;
