-- mart_skill_cooccurrence: one row per ordered pair (skill_id, other_skill_id) of demanded
-- skills (set D) mentioned together by at least one canonical posting in the window.
-- together_share = P(other | skill) = postings with both / postings with skill;
-- lift = P(both) / (P(skill) P(other)) (> 1: asked for together more than by chance).
-- Upstream: int_demand_posting_skills, int_demanded_skills, int_skill_numbers.
create or replace view mart_skill_cooccurrence as
with posting_skills as (
    select * from int_demand_posting_skills where in_window
),

demanded_skills as (
    select * from int_demanded_skills
),

numbers as (
    select * from int_skill_numbers
),

demanded as (
    select d.*, n.skill_no
    from demanded_skills as d
    inner join numbers as n on d.skill_id = n.skill_id
),

in_d as (
    select ps.canonical_id, ps.skill_no
    from posting_skills as ps
    inner join demanded as d on ps.skill_no = d.skill_no
),

pairs as (
    select a.skill_no, b.skill_no as other_skill_no, count(*) as postings_together
    from in_d as a
    inner join in_d as b on a.canonical_id = b.canonical_id and a.skill_no <> b.skill_no
    group by all
),

final as (
    select
        da.skill_id,
        da.label,
        db.skill_id as other_skill_id,
        db.label as other_label,
        p.postings_together,
        p.postings_together / da.postings as together_share,
        (p.postings_together / da.postings) / db.share as lift
    from pairs as p
    inner join demanded as da on p.skill_no = da.skill_no
    inner join demanded as db on p.other_skill_no = db.skill_no
)

select * from final;
