-- Record the fingerprint of the inputs the cache was built from: from now on the views read it
-- until an input changes. Params: $built_at. Upstream: int_demand_inputs.
insert into demand_cache_state (id, inputs_hash, built_at)
select 1, inputs_hash, $built_at
from int_demand_inputs;
