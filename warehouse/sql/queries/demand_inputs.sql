-- The fingerprint of the demand cache's inputs now (compute_scores stores it with the cache),
-- and whether this connection has no analysis scope set (the cache holds the default scope).
-- Grain: one row. Upstream: int_demand_inputs, stg_scoring__analysis.
select i.inputs_hash, s.default_scope
from int_demand_inputs as i
cross join stg_scoring__analysis as s;
