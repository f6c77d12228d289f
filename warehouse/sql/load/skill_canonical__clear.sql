-- Empty skill_canonical before a crosswalk rebuild. Upstream: none.
delete from skill_canonical;
