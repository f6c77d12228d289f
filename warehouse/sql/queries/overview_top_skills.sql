-- The most demanded skills for the run summary. Grain: one row per skill, rank <= $top.
-- Columns: label, postings, share. Upstream: mart_skill_demand.
select label, postings, share
from mart_skill_demand
where rank <= $top
order by rank;
