-- mart_skill_cooccurrence: one row per ordered pair (skill_id, other_skill_id) of demanded
-- skills (set D) mentioned together by at least one canonical posting in the window.
-- together_share = P(other | skill) = postings with both / postings with skill;
-- lift = P(both) / (P(skill) P(other)) (> 1: asked for together more than by chance).
-- Upstream: int_demand_posting_skills, int_demanded_skills.
create or replace view mart_skill_cooccurrence as
with posting_skills as (
    select * from int_demand_posting_skills where in_window
),

demanded as (
    select * from int_demanded_skills
),

in_d as (
    select ps.canonical_key, ps.skill_id
    from posting_skills as ps
    inner join demanded as d on ps.skill_id = d.skill_id
),

pairs as (
    select a.skill_id, b.skill_id as other_skill_id, count(*) as postings_together
    from in_d as a
    inner join in_d as b on a.canonical_key = b.canonical_key and a.skill_id <> b.skill_id
    group by all
),

final as (
    select
        p.skill_id,
        da.label,
        p.other_skill_id,
        db.label as other_label,
        p.postings_together,
        p.postings_together / da.postings as together_share,
        (p.postings_together / da.postings) / db.share as lift
    from pairs as p
    inner join demanded as da on p.skill_id = da.skill_id
    inner join demanded as db on p.other_skill_id = db.skill_id
)

select * from final;
