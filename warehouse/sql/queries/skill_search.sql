-- Skills whose labels contain $text (case-insensitive), with demand and covering credentials.
-- Grain: one row per matching skill, at most $limit rows, most demanded first.
-- Columns: skill_id, label, matched_label, postings, share (4 decimals), rank, credentials
-- (active credentials teaching it), top_credentials (up to 3 titles, best coverage first).
-- Upstream: stg_taxonomy__skills, stg_taxonomy__skill_labels, mart_skill_demand,
-- int_credential_skills, mart_credential_alignment.
with skills as (
    select * from stg_taxonomy__skills
),

labels as (
    select * from stg_taxonomy__skill_labels
),

demand as (
    select * from mart_skill_demand
),

credential_skills as (
    select * from int_credential_skills
),

alignment as (
    select * from mart_credential_alignment
),

all_labels as (
    select skill_id, label, label_kind from labels
    union
    select skill_id, label, 'preferred' as label_kind from skills
),

matches as (
    select
        skill_id,
        arg_min(label, (label_kind <> 'preferred')::integer::varchar || lower(label))
            as matched_label
    from all_labels
    where contains(lower(label), lower($text))
    group by skill_id
),

teaching as (
    select
        cs.skill_id,
        count(*) as credentials,
        list(a.title order by a.coverage desc nulls last, a.title) as titles
    from credential_skills as cs
    inner join alignment as a on cs.credential_key = a.credential_key
    group by cs.skill_id
),

final as (
    select
        s.skill_id,
        s.label,
        m.matched_label,
        coalesce(d.postings, 0) as postings,
        round(coalesce(d.share, 0), 4) as share,
        d.rank,
        coalesce(t.credentials, 0) as credentials,
        array_to_string(coalesce(t.titles, [])[1:3], '; ') as top_credentials
    from matches as m
    inner join skills as s on m.skill_id = s.skill_id
    left join demand as d on m.skill_id = d.skill_id
    left join teaching as t on m.skill_id = t.skill_id
)

select * from final
order by postings desc, label, skill_id
limit $limit;
