-- Mark every vocabulary as not current (before another one becomes current).
update taxonomy_versions set is_current = false where is_current;
