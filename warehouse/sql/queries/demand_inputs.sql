-- The fingerprint of the demand cache's inputs now (compute_scores stores it with the cache).
-- Grain: one row. Upstream: int_demand_inputs.
select inputs_hash from int_demand_inputs;
