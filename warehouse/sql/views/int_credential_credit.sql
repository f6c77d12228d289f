-- int_credential_credit: one row per (ACTIVE credential, demanded skill in D) the credential
-- earns credit for (int_credential_skill_credit: its own skill, or a narrower one at
-- narrower_credit per level), with the demanded skill's share, share_low and share_high
-- (Wilson band).
-- Upstream: int_credential_skill_credit, int_demanded_skills.
create or replace view int_credential_credit as
with credit as (
    select * from int_credential_skill_credit
),

demanded as (
    select * from int_demanded_skills
),

final as (
    select
        c.credential_key,
        c.skill_id,
        c.evidence_skill_id,
        c.depth,
        c.declared,
        c.extracted,
        c.credit,
        d.share,
        d.share_low,
        d.share_high
    from credit as c
    inner join demanded as d on c.skill_id = d.skill_id
)

select * from final;
