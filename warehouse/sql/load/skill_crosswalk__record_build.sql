-- Record a crosswalk build. Params: $built_at, $version_ids.
-- Upstream: skill_canonical, skill_crosswalk, skill_crosswalk_reviews.
insert into crosswalk_builds (built_at, version_ids, canonical_count, link_count, review_count)
select
    $built_at,
    $version_ids,
    (select count(*) from skill_canonical),
    (select count(*) from skill_crosswalk),
    (select count(*) from skill_crosswalk_reviews);
