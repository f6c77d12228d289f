-- Empty skill_crosswalk before a crosswalk rebuild. Upstream: none.
delete from skill_crosswalk;
