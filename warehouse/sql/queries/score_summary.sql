-- Headline numbers of the current scores. Grain: one row. Demand is computed once:
-- demanded_skills = |D| = min(top_n, skills_in_demand), since demand ranks have no ties, and
-- credentials_scored = the active credentials, since mart_credential_alignment has one row
-- per active credential.
-- Upstream: stg_scoring__settings, int_demand_postings, int_skill_demand,
-- stg_crawl__credentials.
with settings as (
    select top_n from stg_scoring__settings
),

counts as (
    select
        (select count(*) from int_demand_postings where in_window) as active_postings,
        (select count(*) from int_skill_demand) as skills_in_demand,
        (select count(*) from stg_crawl__credentials where active) as credentials_scored
)

select
    s.top_n,
    c.active_postings,
    c.skills_in_demand,
    least(s.top_n, c.skills_in_demand) as demanded_skills,
    c.credentials_scored
from settings as s
cross join counts as c;
