-- Empty skill_crosswalk_reviews before a crosswalk rebuild. Upstream: none.
delete from skill_crosswalk_reviews;
