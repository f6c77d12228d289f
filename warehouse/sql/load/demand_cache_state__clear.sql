-- Mark the demand cache stale (int_demand_cache_state flags false), so the views compute live,
-- also while compute_scores refills it. Upstream: none.
delete from demand_cache_state;
