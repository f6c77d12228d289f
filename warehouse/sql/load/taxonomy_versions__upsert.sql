-- Record a vocabulary as current (new, or an earlier one reinstated).
-- Params: $version_id, $source, $version, $attribution, $checksum, $imported_at.
insert into taxonomy_versions (
    version_id, source, version, attribution, checksum, imported_at, is_current
) values ($version_id, $source, $version, $attribution, $checksum, $imported_at, true)
on conflict (version_id) do update set
    imported_at = excluded.imported_at,
    is_current = true;
