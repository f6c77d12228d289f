-- stg_taxonomy__skill_labels: one row per (skill_id, label, label_kind).
-- Upstream: table skill_labels.
create or replace view stg_taxonomy__skill_labels as
with source as (
    select * from skill_labels
),

renamed as (
    select
        skill_id,
        label,
        label_kind
    from source
)

select * from renamed;
