-- Demand share of every skill mentioned by an active posting, to compare two runs (top movers).
-- Grain: one row per skill. Upstream: mart_skill_demand.
select skill_id, label, share
from mart_skill_demand
order by skill_id;
