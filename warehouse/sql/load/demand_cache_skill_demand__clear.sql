-- Empty demand_cache_skill_demand before compute_scores refills it. Upstream: none.
delete from demand_cache_skill_demand;
