-- Store the demand of the default scope (compute_scores runs without a scope);
-- int_skill_demand computes it live (from the pairs just stored), since compute_scores has not
-- recorded demand_cache_skill_demand in demand_cache_state yet. Upstream: int_skill_demand.
insert into demand_cache_skill_demand by name
select * from int_skill_demand;
