-- Record a new source version. Params: $version_id, $source, $release, $checksum,
-- $imported_at, $skill_count, $problem_count, $document.
insert into taxonomy_imports (
    version_id, source, release, checksum, imported_at, skill_count, problem_count, document
)
values (
    $version_id, $source, $release, $checksum, $imported_at, $skill_count, $problem_count,
    $document
);
