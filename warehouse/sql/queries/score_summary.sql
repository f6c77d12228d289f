-- Headline numbers of the current scores. Grain: one row.
-- Upstream: int_demand_postings, int_skill_demand, int_demanded_skills,
-- mart_credential_alignment, stg_scoring__settings.
select
    (select top_n from stg_scoring__settings) as top_n,
    (select count(*) from int_demand_postings where in_window) as active_postings,
    (select count(*) from int_skill_demand) as skills_in_demand,
    (select count(*) from int_demanded_skills) as demanded_skills,
    (select count(*) from mart_credential_alignment) as credentials_scored;
