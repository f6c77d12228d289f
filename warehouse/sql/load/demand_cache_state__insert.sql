-- Record that one cache table was built from the inputs with fingerprint $inputs_hash: from
-- now on the views read it until an input changes. Params: $cache_table, $inputs_hash,
-- $built_at. Upstream: none.
insert into demand_cache_state (cache_table, inputs_hash, built_at)
values ($cache_table, $inputs_hash, $built_at);
