-- Store the scoring parameters read by the views. Params: $top_n, $updated_at.
update scoring_settings set top_n = $top_n, updated_at = $updated_at where id = 1;
